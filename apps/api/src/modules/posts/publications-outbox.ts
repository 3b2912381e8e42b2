import { type EntityManager } from 'typeorm';

/**
 * What posts, review and the crisis stop ask of the publishing outbox: after any change to a
 * post, in the same transaction, make its publication rows match its state (approved and
 * planned: pending at the planned time; otherwise nothing pending). The publishing module
 * provides it; without one (a trimmed-down test app) nothing is kept.
 */
export abstract class PublicationsOutbox {
  abstract syncPost(em: EntityManager, postId: string): Promise<void>;
  /** Moves whenever a publication of the workspace changes; part of the calendar cache key. */
  abstract version(workspaceId: string): Promise<string>;
}
