import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AuthError } from './auth.errors';

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's score from 0 to 4; 3 means "safely unguessable" against an offline attack on a slow hash. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Built on first use: its dictionaries take several megabytes of heap, and a worker process
 * (which loads the auth module for its guards) never checks a password.
 */
let zxcvbn: ZxcvbnFactory | null = null;
const checker = (): ZxcvbnFactory =>
  (zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  }));

/**
 * Refuses a password that is short, or that a guesser would try early: the common-password
 * list and dictionaries of @zxcvbn-ts, keyboard rows, repeats, and the person's own name and
 * address (passed as `context`).
 */
export function assertStrongPassword(password: string, context: string[] = []): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AuthError(
      'WEAK_PASSWORD',
      `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
      { reason: 'too_short', minLength: MIN_PASSWORD_LENGTH },
    );
  }
  const words = context
    .flatMap((c) => c.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length >= 3);
  const result = checker().check(password.slice(0, 100), words);
  if (result.score < MIN_PASSWORD_SCORE) {
    throw new AuthError(
      'WEAK_PASSWORD',
      'This password is too easy to guess: it is common, or built from a common word, a keyboard pattern or your name. Choose a longer phrase of unrelated words.',
      { reason: 'too_common', score: result.score, warning: result.feedback.warning ?? null },
    );
  }
}
