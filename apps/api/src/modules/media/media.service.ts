import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  hasRole,
  type MediaItem,
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
import { conflictingClaim, extensionOf } from './media-type';
import { MediaError, mediaNotFound } from './media.errors';
import { toMediaItem } from './media.mapper';
import { type MediaRow, MediaRepository } from './media.repository';
import { type ReceivedFile } from './upload-storage';

type Caller = { userId: string; workspace: WorkspaceWithRole };
type ListQuery = z.output<typeof MediaListQuerySchema>;
type UploadFields = z.output<typeof MediaUploadFieldsSchema>;
type UpdateInput = z.output<typeof UpdateMediaRequestSchema>;

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
    const stored: string[] = [];
    try {
      this.assertMayWrite(caller);
      const claim = conflictingClaim(file.detectedType, file.originalname, file.mimetype);
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
      const ws = caller.workspace.id;
      const storageKey = `${ws}/${id}.${extensionOf(file.detectedType)}`;
      const thumbnailKey = `${ws}/${id}.thumb.jpg`;
      try {
        await this.storage.put(storageKey, processed.path, file.detectedType);
        stored.push(storageKey);
        await this.storage.put(thumbnailKey, processed.thumbnailPath, 'image/jpeg');
        stored.push(thumbnailKey);
      } finally {
        await Promise.all([
          rm(processed.path, { force: true }),
          rm(processed.thumbnailPath, { force: true }),
        ]);
      }
      const now = this.clock.now();
      await this.repo.transaction(async (em) => {
        await this.repo.insert(em, {
          id,
          workspace_id: ws,
          kind: file.kind,
          name: fields.name ?? displayName(file.originalname),
          mime_type: file.detectedType,
          bytes: processed.bytes,
          width: processed.width,
          height: processed.height,
          duration_ms: processed.durationMs,
          video_codec: processed.videoCodec,
          alt_text: fields.altText ?? null,
          sha256: processed.sha256,
          storage_key: storageKey,
          thumbnail_key: thumbnailKey,
          uploaded_by: caller.userId,
          created_at: now,
        });
        await this.audit.record(em, {
          workspaceId: ws,
          actor: { type: 'user', userId: caller.userId },
          action: 'media.uploaded',
          subject: { type: 'media', id },
          after: { name: fields.name ?? displayName(file.originalname), bytes: processed.bytes },
        });
      });
      stored.length = 0;
      return this.get(caller.workspace, id);
    } catch (e) {
      await Promise.all(
        stored.map((key) =>
          this.storage.remove(key).catch((err: unknown) => {
            this.logger.error(
              { err, key },
              'A stored media file could not be removed after a failed upload',
            );
          }),
        ),
      );
      if (e instanceof MediaError) throw e;
      if (isStorageFailure(e)) {
        throw new MediaError('MEDIA_PROCESSING_UNAVAILABLE', 'The media store cannot be reached.', {
          tool: 'storage',
        });
      }
      throw e;
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** Library rows by id (deleted ones too), for a post that attaches them, in its transaction. */
  rowsForPost(workspaceId: string, ids: readonly string[], em: EntityManager): Promise<MediaRow[]> {
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

function publicBase(config: AppConfig): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host}:${config.port}`;
}
