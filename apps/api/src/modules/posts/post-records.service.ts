import { Injectable } from '@nestjs/common';
import { type PostStatus } from '@postplan/contracts';
import { type Approval } from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import {
  type ImportedPost,
  type NewPost,
  type PostFilter,
  type PostRow,
  PostsRepository,
  type PostTagging,
} from './posts.repository';

/**
 * The posts table as the modules built on posts see it (review, comments, publishing, crisis,
 * the demo seed): they read, lock and move posts and store their editorial state here instead
 * of reaching for the posts repository, so every write to the table stays inside this module.
 */
@Injectable()
export class PostRecordsService {
  constructor(private readonly posts: PostsRepository) {}

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.posts.transaction(fn);
  }

  find(workspaceId: string, id: string, em?: EntityManager): Promise<PostRow | null> {
    return this.posts.find(workspaceId, id, em);
  }

  /** Locks the post for the rest of the transaction, so concurrent changes queue up. */
  lock(em: EntityManager, workspaceId: string, id: string): Promise<PostRow | null> {
    return this.posts.lock(em, workspaceId, id);
  }

  /** Locks several posts for the transaction, so a decision about them and an edit queue up. */
  lockAll(em: EntityManager, workspaceId: string, ids: string[]): Promise<void> {
    return this.posts.lockAll(em, workspaceId, ids);
  }

  list(f: PostFilter): Promise<PostRow[]> {
    return this.posts.list(f);
  }

  /** Stores the outcome of a transition; see `PostsRepository.setReviewState`. */
  setReviewState(
    em: EntityManager,
    id: string,
    state: { status: PostStatus; reason: string | null; approval: Approval | null },
    bumpVersion: boolean,
  ): Promise<void> {
    return this.posts.setReviewState(em, id, state, bumpVersion);
  }

  /**
   * Moves the planned time only, in the caller's transaction: content, status and approval stay
   * (a time move never voids an approval); the version moves, so open editors notice.
   */
  movePlannedTime(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    plannedAt: Date | null,
  ): Promise<number> {
    return this.posts.movePlannedTime(em, workspaceId, postId, plannedAt);
  }

  /** Posts of an import, in bulk, in the caller's transaction; answers their ids in order. */
  insertBatch(
    em: EntityManager,
    workspaceId: string,
    authorId: string,
    posts: ImportedPost[],
  ): Promise<string[]> {
    return this.posts.insertBatch(em, workspaceId, authorId, posts);
  }

  /**
   * What tags the links of a post in the campaign (its UTM defaults, the channels' platforms),
   * the campaign locked against a change of them until the transaction ends, as for a saved
   * post: the import hashes its posts with it. Null: not a campaign of the workspace.
   */
  tagging(
    em: EntityManager,
    workspaceId: string,
    campaignId: string | null,
    channelIds: string[],
  ): Promise<PostTagging | null> {
    return this.posts.tagging(em, workspaceId, campaignId, channelIds);
  }

  /** A post written as it is, for the demo seed (people create posts through PostsService). */
  insert(em: EntityManager, row: NewPost): Promise<string> {
    return this.posts.insert(em, row);
  }
}
