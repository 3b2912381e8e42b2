import {
  type PlatformAdapter,
  type PublishRequest,
  type PublishResult,
  PublishError,
} from '../adapter';

/**
 * The `manual` kind: places without an API (WhatsApp groups, forums, print). Nothing is sent
 * anywhere. At the planned time publish() rejects with
 * PublishError('unknown', 'MANUAL_ACTION_REQUIRED'): `unknown` puts the publication where a
 * person decides (unconfirmed), which is exactly the manual flow: the engine notifies the
 * responsible person, who posts it by hand and marks it done with the URL ("it is online,
 * here is the URL"). The engine recognises the case by the code (isManualActionRequired),
 * so it can word the alert as a task rather than a failure.
 */

export const MANUAL_ACTION_REQUIRED = 'MANUAL_ACTION_REQUIRED';

export function isManualActionRequired(e: unknown): e is PublishError {
  return e instanceof PublishError && e.code === MANUAL_ACTION_REQUIRED;
}

export function createManualAdapter(): PlatformAdapter {
  return {
    platform: 'manual',
    limits: {
      // A person copies the text wherever it goes; no limit is Postplan's to impose.
      text: null,
      media: {
        maxCount: 50,
        maxImageBytes: null,
        maxVideoBytes: null,
        mimeTypes: [
          'image/jpeg',
          'image/png',
          'image/gif',
          'image/webp',
          'video/mp4',
          'video/quicktime',
          'application/pdf',
        ],
        aspectRatio: { image: null, video: null },
        maxVideoDurationMs: null,
        required: false,
      },
      // No platform is called, so nothing to protect.
      concurrency: 100,
      perMinute: null,
    },
    // publish() never sends anything, so calling it again can never post twice.
    idempotent: true,

    publish(request: PublishRequest): Promise<PublishResult> {
      const title = request.content.title ? `"${request.content.title}"` : 'This post';
      return Promise.reject(
        new PublishError(
          'unknown',
          MANUAL_ACTION_REQUIRED,
          `${title} goes out by hand on "${request.channel.name}": publish it there, then mark it done with its URL.`,
        ),
      );
    },
    // No reconcile (only the person knows) and no verify (there are no credentials to check).
  };
}
