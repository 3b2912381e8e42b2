import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { type Readable } from 'node:stream';
import type * as S3 from '@aws-sdk/client-s3';
import { type MediaConfig } from '../../config/app-config';

/** The S3 client is loaded only where S3 storage is configured (a large module graph). */
const s3 = (): typeof S3 =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@aws-sdk/client-s3') as typeof S3;

export type StoredObject = { body: Readable; bytes: number };

/**
 * Where finished media files live. `put` takes a complete local file (the upload's temporary
 * file) and makes it visible under `key` in one step: a rename on disk, a single PUT in S3,
 * so a reader never sees half a file.
 */
export abstract class MediaStorage {
  abstract readonly kind: 'disk' | 's3';
  abstract put(key: string, localPath: string, contentType: string): Promise<void>;
  abstract get(key: string): Promise<StoredObject | null>;
  abstract remove(key: string): Promise<void>;
}

export class DiskMediaStorage extends MediaStorage {
  readonly kind = 'disk' as const;
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(resolve(this.root) + sep)) throw new Error(`Bad media key ${key}`);
    return path;
  }

  async put(key: string, localPath: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Same file system (the temporary folder sits inside the media folder): atomic.
    await rename(localPath, target);
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { body: createReadStream(path), bytes: size };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

export class S3MediaStorage extends MediaStorage {
  readonly kind = 's3' as const;
  private readonly client: S3.S3Client;
  constructor(private readonly config: NonNullable<MediaConfig['s3']>) {
    super();
    this.client = new (s3().S3Client)({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      // Checksums only where S3 demands them: many S3-compatible stores do not take the
      // streamed (aws-chunked) uploads the SDK would otherwise send.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(config.accessKeyId && config.secretAccessKey
        ? {
            credentials: {
              accessKeyId: config.accessKeyId,
              secretAccessKey: config.secretAccessKey,
            },
          }
        : {}),
    });
  }

  async put(key: string, localPath: string, contentType: string): Promise<void> {
    const { size } = await stat(localPath);
    await this.client.send(
      new (s3().PutObjectCommand)({
        Bucket: this.config.bucket,
        Key: key,
        Body: createReadStream(localPath),
        ContentLength: size,
        ContentType: contentType,
      }),
    );
    await rm(localPath, { force: true });
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(
        new (s3().GetObjectCommand)({ Bucket: this.config.bucket, Key: key }),
      );
      return { body: out.Body as Readable, bytes: out.ContentLength ?? 0 };
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound') return null;
      throw e;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(
      new (s3().DeleteObjectCommand)({ Bucket: this.config.bucket, Key: key }),
    );
  }

  destroy(): void {
    this.client.destroy();
  }
}

export function mediaStorageFor(config: MediaConfig): MediaStorage {
  return config.s3
    ? new S3MediaStorage(config.s3)
    : new DiskMediaStorage(join(config.dir, 'files'));
}

/** The upload's temporary files: inside the media folder, so a rename into place is atomic. */
export const tempDirOf = (config: MediaConfig) => join(config.dir, 'tmp');
