import { type Post, type PostWording } from '@postplan/contracts';
import { type EntityManager } from 'typeorm';

/** A wording finding of severity error: it blocks submitting and approving. */
export type GateFinding = {
  channelId: string | null;
  rule: string;
  message: string;
  start: number;
  end: number;
};

/**
 * What posts and review ask of the wording check. The wording module provides it, and both
 * services require it: an app without it does not start, rather than submitting and approving
 * posts with wording errors unchecked.
 */
export abstract class WordingGate {
  /** Findings per variant, for the post's answers. */
  abstract checkPost(workspaceId: string, post: Post): Promise<PostWording>;
  /** The error-severity findings that hold up submitting and approving. */
  abstract blockingFindings(workspaceId: string, post: Post): Promise<GateFinding[]>;
  /** Keeps the duplicate index current, in the transaction that changed the post. */
  abstract indexPost(em: EntityManager, workspaceId: string, postId: string): Promise<void>;
}
