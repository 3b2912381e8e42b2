import {
  type PlatformAdapter,
  type PlatformLimits,
  PublishError,
  type PublishResult,
} from '../adapter';

/** The code the engine reads to tell the responsible person that it is their turn. */
export const MANUAL_ACTION_NEEDED = 'MANUAL_ACTION_NEEDED';

/**
 * Places without an API (WhatsApp, forums, print): nothing is sent. At the planned time the
 * publication becomes unconfirmed with MANUAL_ACTION_NEEDED, the author and the admins are
 * told, and a person marks it done with the link (the confirm action). It never reconciles:
 * only the person knows.
 */
export class ManualAdapter implements PlatformAdapter {
  readonly platform = 'manual' as const;
  readonly limits: PlatformLimits = { text: null, media: null, concurrency: 100, perMinute: null };
  readonly idempotent = false;

  publish(): Promise<PublishResult> {
    return Promise.reject(
      new PublishError(
        'unknown',
        MANUAL_ACTION_NEEDED,
        'Publish this by hand now, then mark it done with its link.',
      ),
    );
  }
}
