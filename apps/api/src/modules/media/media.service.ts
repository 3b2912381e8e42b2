import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  hasRole,
  type MediaItem,
  type MediaKind,
  type MediaMimeType,
  type MediaList,
  type MediaListQuerySchema,
  type MediaSettings,
  type MediaUploadFieldsSchema,
  type UpdateMediaRequestSchema,
} from '@postplan/contracts';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { Clock } from '../../common/clock/clock';
import { invalidInput } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { MediaLinks } from './media-links';
import { processMedia } from './media-processor';
import { MediaStorage, S3MediaStorage, type StoredObject } from './media-storage';
import { conflictingClaim, extensionOf, SNIFF_BYTES, sniffMediaType } from './media-type';
import { MediaError, mediaNotFound } from './media.errors';
import { toMediaItem } from './media.mapper';
import { type MediaRow, MediaRepository } from './media.repository';
import { type ReceivedFile } from './upload-storage';

type Caller = { userId: string; workspace: WorkspaceWithRole };
type ListQuery = z.output<typeof MediaListQuerySchema>;
type UploadFields = z.output<typeof MediaUploadFieldsSchema>;
type UpdateInput = z.output<typeof UpdateMediaRequestSchema>;

/** A file in the store whose library row is still to be written (see MediaService.storeFile). */
export type StoredMedia = {
  id: string;
  kind: MediaKind;
  mimeType: MediaMimeType;
  bytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  videoCodec: string | null;
  sha256: string;
  storageKey: string;
  thumbnailKey: string;
};

/** How long a signed link handed to a platform stays valid: one publishing attempt and its retries. */
export const MEDIA_LINK_TTL_SECONDS = 6 * 3600;

@Injectable()
export class MediaService implements OnModuleDestroy {
  private readonly logger = new Logger(MediaService.name);
  readonly links: MediaLinks;

  constructor(
    private readonly repo: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = new MediaLinks(config.secretKey, publicBase(config));
  }

  onModuleDestroy(): void {
    if (this.storage instanceof S3MediaStorage) this.storage.destroy();
  }

  /**
   * Stores one received upload. Order matters for "a failure leaves nothing behind": the file
   * is checked and rewritten in the temporary folder, moved into place, and only then is the
   * row written; if anything fails, what was moved is removed again and the temporary files go.
   */
  async upload(caller: Caller, file: ReceivedFile, fields: UploadFields): Promise<MediaItem> {
    let stored: StoredMedia | null = null;
    try {
      this.assertMayWrite(caller);
      stored = await this.storeFile(caller.workspace.id, {
        path: file.path,
        kind: file.kind,
        detectedType: file.detectedType,
        fileName: file.originalname,
        declaredType: file.mimetype,
      });
      const row = stored;
      await this.repo.transaction((em) =>
        this.insertStored(em, caller.workspace.id, caller.userId, row, {
          name: fields.name ?? displayName(file.originalname),
          altText: fields.altText ?? null,
        }),
      );
      stored = null;
      return this.get(caller.workspace, row.id);
    } catch (e) {
      if (stored) await this.discardStored([stored]);
      throw e;
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /**
   * The first half of an upload, for callers with a transaction of their own (the import):
   * checks the file's type against its name and declared type, rewrites it without metadata,
   * and puts file and thumbnail into the store. The row comes with insertStored in the
   * caller's transaction; a caller whose transaction fails hands what it stored to
   * discardStored. On failure nothing of this file stays in the store. The input stays where
   * it is (the caller removes it).
   */
  async storeFile(
    workspaceId: string,
    file: {
      path: string;
      kind: MediaKind;
      detectedType: MediaMimeType;
      fileName: string;
      declaredType?: string | undefined;
    },
  ): Promise<StoredMedia> {
    const keys: string[] = [];
    try {
      const claim = conflictingClaim(file.detectedType, file.fileName, file.declaredType);
      if (claim) {
        throw new MediaError(
          'MEDIA_TYPE_MISMATCH',
          `The file is ${file.detectedType} but its name or type says ${claim}. Rename it or save it in the format it claims.`,
          { detected: file.detectedType, declared: claim },
        );
      }
      const processed = await processMedia(
        file.path,
        file.kind,
        file.detectedType,
        this.config.media,
      );
      const id = randomUUID();
      const storageKey = `${workspaceId}/${id}.${extensionOf(file.detectedType)}`;
      const thumbnailKey = `${workspaceId}/${id}.thumb.jpg`;
      try {
        await this.storage.put(storageKey, processed.path, file.detectedType);
        keys.push(storageKey);
        await this.storage.put(thumbnailKey, processed.thumbnailPath, 'image/jpeg');
        keys.push(thumbnailKey);
      } finally {
        await Promise.all([
          rm(processed.path, { force: true }),
          rm(processed.thumbnailPath, { force: true }),
        ]);
      }
      return {
        id,
        kind: file.kind,
        mimeType: file.detectedType,
        bytes: processed.bytes,
        width: processed.width,
        height: processed.height,
        durationMs: processed.durationMs,
        videoCodec: processed.videoCodec,
        sha256: processed.sha256,
        storageKey,
        thumbnailKey,
      };
    } catch (e) {
      await this.removeKeys(keys, 'A stored media file could not be removed after a failed upload');
      if (e instanceof MediaError) throw e;
      if (isStorageFailure(e)) {
        throw new MediaError('MEDIA_PROCESSING_UNAVAILABLE', 'The media store cannot be reached.', {
          tool: 'storage',
        });
      }
      throw e;
    }
  }

  /**
   * storeFile for a file that did not come through the upload form (an image the import
   * fetched): its type is read from its first bytes, its size held against the limit of its
   * kind. Only images are taken.
   */
  async storeDownloaded(
    workspaceId: string,
    path: string,
    fileName: string,
    declaredType: string | null,
  ): Promise<StoredMedia> {
    const handle = await open(path, 'r');
    let head: Buffer;
    let size: number;
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
      size = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    const sniffed = sniffMediaType(head);
    if (!sniffed.ok || sniffed.kind !== 'image') {
      const what = sniffed.ok ? sniffed.mimeType : sniffed.detected;
      throw new MediaError(
        'MEDIA_TYPE_UNSUPPORTED',
        what
          ? `This is a ${what} file, not a JPEG, PNG, GIF or WebP image.`
          : 'This is not a JPEG, PNG, GIF or WebP image.',
        { detected: what },
      );
    }
    if (size > this.config.media.maxImageBytes) {
      throw new MediaError(
        'MEDIA_TOO_LARGE',
        `Images may have at most ${Math.round(this.config.media.maxImageBytes / 1024 / 1024)} MB.`,
        { kind: 'image', bytes: size, maxBytes: this.config.media.maxImageBytes },
      );
    }
    return this.storeFile(workspaceId, {
      path,
      kind: 'image',
      detectedType: sniffed.mimeType,
      fileName,
      declaredType: declaredType ?? undefined,
    });
  }

  /** The second half: the library row (and its audit entry) in the caller's transaction. */
  async insertStored(
    em: EntityManager,
    workspaceId: string,
    userId: string,
    stored: StoredMedia,
    fields: { name: string; altText: string | null },
  ): Promise<void> {
    await this.repo.insert(em, {
      id: stored.id,
      workspace_id: workspaceId,
      kind: stored.kind,
      name: fields.name,
      mime_type: stored.mimeType,
      bytes: stored.bytes,
      width: stored.width,
      height: stored.height,
      duration_ms: stored.durationMs,
      video_codec: stored.videoCodec,
      alt_text: fields.altText,
      sha256: stored.sha256,
      storage_key: stored.storageKey,
      thumbnail_key: stored.thumbnailKey,
      uploaded_by: userId,
      created_at: this.clock.now(),
    });
    await this.audit.record(em, {
      workspaceId,
      actor: { type: 'user', userId },
      action: 'media.uploaded',
      subject: { type: 'media', id: stored.id },
      after: { name: fields.name, bytes: stored.bytes },
    });
  }

  /** Removes stored files whose rows were never written (the caller's transaction failed). */
  async discardStored(stored: readonly StoredMedia[]): Promise<void> {
    await this.removeKeys(
      stored.flatMap((m) => [m.storageKey, m.thumbnailKey]),
      'A stored media file could not be removed after a failed transaction',
    );
  }

  private async removeKeys(keys: readonly string[], message: string): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.storage.remove(key).catch((err: unknown) => {
          this.logger.error({ err, key }, message);
        }),
      ),
    );
  }

  /** Library rows by id (deleted ones too), for a post that attaches them, in its transaction. */
  rowsForPost(
    workspaceId: string,
    ids: readonly string[],
    em?: EntityManager,
  ): Promise<MediaRow[]> {
    return this.repo.findMany(workspaceId, ids, em);
  }

  async get(ws: WorkspaceWithRole, id: string): Promise<MediaItem> {
    const row = await this.repo.find(ws.id, id);
    if (!row) throw mediaNotFound();
    return toMediaItem(row);
  }

  async list(ws: WorkspaceWithRole, q: ListQuery): Promise<MediaList> {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = await this.repo.list(ws.id, {
      words: q.q ? (q.q.match(/\S+/g) ?? []).slice(0, 10) : [],
      kind: q.kind,
      after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(toMediaItem),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  }

  async update(caller: Caller, id: string, input: UpdateInput): Promise<MediaItem> {
    await this.repo.transaction(async (em) => {
      const row = await this.repo.lock(em, caller.workspace.id, id);
      if (!row || row.deleted_at) throw mediaNotFound();
      this.assertMayChange(caller, row);
      await this.repo.update(em, id, input, this.clock.now());
    });
    return this.get(caller.workspace, id);
  }

  /**
   * Deleting (docs/media.md): refused while a post in review or approved uses the item, or a
   * publication of a post with it is still to go out (that is exactly what was approved). Used
   * only by drafts, ideas, published or binned posts: hidden from the library and from new
   * attachments, the file stays for those posts. Used by nothing: gone, file and all.
   */
  async remove(caller: Caller, id: string): Promise<void> {
    const removeFiles = await this.repo.transaction(async (em) => {
      const row = await this.repo.lock(em, caller.workspace.id, id);
      if (!row || row.deleted_at) throw mediaNotFound();
      this.assertMayChange(caller, row);
      const uses = await this.repo.uses(em, id);
      const blocking = uses.filter(
        (u) =>
          !u.deleted &&
          (u.status === 'in_review' || u.status === 'approved' || u.hasPendingPublication),
      );
      if (blocking.length > 0) {
        throw new MediaError(
          'MEDIA_IN_USE',
          'Posts in review or approved use this file; remove it from them first.',
          { postIds: blocking.map((u) => u.postId) },
        );
      }
      await this.audit.record(em, {
        workspaceId: caller.workspace.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'media.deleted',
        subject: { type: 'media', id },
        before: { name: row.name },
      });
      if (uses.length > 0) {
        await this.repo.softDelete(em, id, this.clock.now());
        return null;
      }
      await this.repo.hardDelete(em, id);
      return [row.storage_key, row.thumbnail_key];
    });
    for (const key of removeFiles ?? []) {
      await this.storage.remove(key).catch((err: unknown) => {
        this.logger.error({ err, key }, 'A deleted media file could not be removed');
      });
    }
  }

  /** The file or its thumbnail, for members (deleted items too: posts still show them). */
  async open(
    ws: WorkspaceWithRole,
    id: string,
    which: 'file' | 'thumbnail',
  ): Promise<{ row: MediaRow; object: StoredObject }> {
    const row = await this.repo.find(ws.id, id, { withDeleted: true });
    if (!row) throw mediaNotFound();
    return { row, object: await this.openRow(row, which) };
  }

  /** The file behind a signed link (no session: the signature is the permission). */
  async openSigned(
    id: string,
    expires: string,
    signature: string,
  ): Promise<{ row: MediaRow; object: StoredObject }> {
    if (!this.links.verify(id, expires, signature, this.clock.nowMs())) throw mediaNotFound();
    const row = await this.repo.findAnyWorkspace(id);
    if (!row) throw mediaNotFound();
    return { row, object: await this.openRow(row, 'file') };
  }

  private async openRow(row: MediaRow, which: 'file' | 'thumbnail'): Promise<StoredObject> {
    const object = await this.storage.get(which === 'file' ? row.storage_key : row.thumbnail_key);
    if (!object) throw mediaNotFound();
    return object;
  }

  async settings(ws: WorkspaceWithRole): Promise<MediaSettings> {
    return {
      altTextRequired: await this.repo.altTextRequired(ws.id),
      maxImageBytes: this.config.media.maxImageBytes,
      maxVideoBytes: this.config.media.maxVideoBytes,
    };
  }

  async updateSettings(caller: Caller, altTextRequired: boolean): Promise<MediaSettings> {
    await this.repo.transaction(async (em) => {
      await this.repo.setAltTextRequired(em, caller.workspace.id, altTextRequired);
      await this.audit.record(em, {
        workspaceId: caller.workspace.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'media.settings_changed',
        after: { altTextRequired },
      });
    });
    return this.settings(caller.workspace);
  }

  private assertMayWrite({ workspace }: Caller): void {
    if (!hasRole(workspace.role, 'author')) {
      throw new MediaError('FORBIDDEN_ROLE', 'Viewers cannot upload.', {
        required: 'author',
        role: workspace.role,
      });
    }
  }

  /** As for posts: authors change what they uploaded, editors and up anything. */
  private assertMayChange({ userId, workspace }: Caller, row: MediaRow): void {
    if (!hasRole(workspace.role, 'editor') && row.uploaded_by !== userId) {
      throw new MediaError(
        'FORBIDDEN_ROLE',
        'Authors can change only files they uploaded themselves.',
        { required: 'editor', role: workspace.role },
      );
    }
  }
}

/** "IMG_2041.JPG" stays the name people search for; a path some browsers send is cut off. */
function displayName(original: string): string {
  const base = original.split(/[\\/]/).pop()?.trim() ?? '';
  return (base || 'upload').slice(0, 200);
}

function encodeCursor(row: MediaRow): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw invalidInput('cursor', 'This cursor does not come from a previous page.');
  }
  return { createdAt, id };
}

function isStorageFailure(e: unknown): boolean {
  const name = (e as { name?: string; code?: string } | null)?.name ?? '';
  const code = (e as { code?: string } | null)?.code ?? '';
  return (
    /^(S3ServiceException|NoSuchBucket|AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch)$/.test(
      name,
    ) || ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ENOSPC', 'EACCES'].includes(code)
  );
}

/** Where this server is reached from outside: links to media files start here. */
export function publicBase(config: AppConfig): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host}:${config.port}`;
}
