import { type PostDetail, type Role } from '@postplan/contracts';
import { type EntityManager } from 'typeorm';
import { type PostRow } from './posts.repository';

/**
 * What posts asks of review. The review module provides it; posts calls it inside its own
 * transactions, so a content save and the approval it voids commit together. Posts knows
 * review only through this port, as it knows the wording check through `WordingGate`.
 */
export abstract class ReviewPort {
  /** A new post: its first revision and its creation in the audit log. */
  abstract onCreated(
    em: EntityManager,
    workspaceId: string,
    row: PostRow,
    userId: string,
  ): Promise<void>;
  /** A saved change: new content is a revision and voids the approval (or restarts the round). */
  abstract onSaved(
    em: EntityManager,
    workspaceId: string,
    before: PostRow,
    after: PostRow,
    userId: string,
    role: Role,
  ): Promise<void>;
  /** The post with its review state, as this reader may act on it. */
  abstract detail(
    ws: { id: string; timeZone: string },
    postId: string,
    userId: string,
    role: Role | 'guest',
  ): Promise<PostDetail>;
}
