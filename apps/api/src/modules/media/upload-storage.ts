import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Request } from 'express';
import type multer from 'multer';
import { type MediaKind, type MediaMimeType } from '@postplan/contracts';
import { MediaError } from './media.errors';
import { SNIFF_BYTES, sniffMediaType } from './media-type';

/** What the storage engine adds to multer's file: where the bytes are and what they are. */
export type ReceivedFile = Express.Multer.File & {
  path: string;
  size: number;
  detectedType: MediaMimeType;
  kind: MediaKind;
};

export type UploadLimits = { maxImageBytes: number; maxVideoBytes: number };

/**
 * A multer storage engine that streams the upload to a temporary file and checks it while it
 * arrives: the first bytes decide the format (and with it the size limit: images and videos
 * differ), so a file of the wrong kind or beyond its limit is refused at once, not after
 * 100 MB were written. Whatever fails, the temporary file is removed before the error goes out.
 */
export class TempFileStorage implements multer.StorageEngine {
  constructor(
    private readonly dir: string,
    private readonly limits: UploadLimits,
  ) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    cb: (error?: unknown, info?: Partial<ReceivedFile>) => void,
  ): void {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, `${randomUUID()}.part`);
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    const input = file.stream;
    let head = Buffer.alloc(0);
    let sniffed: { mimeType: MediaMimeType; kind: MediaKind; max: number } | null = null;
    let size = 0;
    let settled = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      input.unpipe?.();
      input.removeAllListeners('data');
      // Drain the rest of the part so the request can finish with the error answer.
      input.resume();
      out.destroy();
      void rm(path, { force: true }).then(
        () => cb(error),
        () => cb(error),
      );
    };

    const decide = (): boolean => {
      const result = sniffMediaType(head);
      if (!result.ok) {
        fail(
          new MediaError(
            'MEDIA_TYPE_UNSUPPORTED',
            result.detected
              ? `This is a ${result.detected} file; the media library takes JPEG, PNG, GIF and WebP images and MP4, MOV and WebM videos.`
              : 'This is not an image or video the media library knows (JPEG, PNG, GIF, WebP, MP4, MOV, WebM).',
            { detected: result.detected },
          ),
        );
        return false;
      }
      const max = result.kind === 'image' ? this.limits.maxImageBytes : this.limits.maxVideoBytes;
      sniffed = { mimeType: result.mimeType, kind: result.kind, max };
      return true;
    };

    input.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (!sniffed) {
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) {
          out.write(chunk);
          return;
        }
        if (!decide()) return;
      }
      if (size > sniffed!.max) {
        fail(tooLarge(sniffed!.kind, sniffed!.max));
        return;
      }
      if (!out.write(chunk)) {
        input.pause();
        out.once('drain', () => input.resume());
      }
    });
    input.on('error', fail);
    out.on('error', fail);
    input.on('end', () => {
      if (settled) return;
      if (!sniffed && !decide()) return;
      if (size > sniffed!.max) {
        fail(tooLarge(sniffed!.kind, sniffed!.max));
        return;
      }
      out.end(() => {
        if (settled) return;
        settled = true;
        cb(null, {
          path,
          size,
          detectedType: sniffed!.mimeType,
          kind: sniffed!.kind,
        });
      });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    void rm(file.path, { force: true }).then(
      () => cb(null),
      (e: Error) => cb(e),
    );
  }
}

function tooLarge(kind: MediaKind, max: number): MediaError {
  return new MediaError(
    'MEDIA_TOO_LARGE',
    `${kind === 'image' ? 'Images' : 'Videos'} may have at most ${Math.round(max / 1024 / 1024)} MB.`,
    { kind, bytes: null, maxBytes: max },
  );
}
