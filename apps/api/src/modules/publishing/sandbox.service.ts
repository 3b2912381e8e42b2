import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type SandboxCommentRow, SandboxPostsRepository } from './sandbox-posts.repository';

/**
 * The built-in sandbox platform as other modules see it: the demo seed records a post that
 * "went out" there, with people's comments under it (a contest's entries).
 */
@Injectable()
export class SandboxService {
  constructor(
    private readonly posts: SandboxPostsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A post published to the sandbox at `at`, with its publication; the sandbox post's id. */
  recordPublished(
    em: EntityManager,
    p: {
      workspaceId: string;
      postId: string;
      channelId: string;
      title: string;
      text: string;
      contentHash: string;
      at: Date;
    },
  ): Promise<string> {
    const base =
      this.config.publicUrl?.replace(/\/+$/, '') ??
      this.config.publishing.sandboxUrl.replace(/\/api\/sandbox$/, '');
    return this.posts.insertPublished(em, { ...p, url: (id) => `${base}/api/sandbox/${id}` });
  }

  comment(
    em: EntityManager,
    c: { postId: string; author: string; text: string; at: Date },
  ): Promise<SandboxCommentRow> {
    return this.posts.insertCommentAt(em, c);
  }
}
