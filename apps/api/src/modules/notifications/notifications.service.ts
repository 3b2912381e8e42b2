import { invalidInput } from '../../common/errors/app-error';
import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_EMAIL_SETTINGS,
  IdSchema,
  type MarkNotificationsReadResponse,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationList,
  type NotificationListQuerySchema,
  type NotificationSettings,
  type UpdateNotificationSettingsRequestSchema,
} from '@postplan/contracts';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NotificationError } from './notification.errors';
import { toNotification } from './notification.mapper';
import { NotificationsRepository, type StoredActor } from './notifications.repository';

export type NotificationActorInput = StoredActor;

export type NotifyInput = {
  workspaceId: string;
  userIds: string[];
  kind: NotificationKind;
  postId?: string | null;
  actor?: NotificationActorInput | null;
  data?: Record<string, unknown>;
};

type ListQuery = z.output<typeof NotificationListQuerySchema>;
type SettingsInput = z.output<typeof UpdateNotificationSettingsRequestSchema>;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Tells people about something, inside the transaction that did it: if that rolls back, nobody
   * was told. Each recipient gets an inbox row, and an e-mail after commit when they want one.
   * Only members of the workspace are told, and never the person who did it.
   */
  async notify(em: EntityManager, n: NotifyInput): Promise<void> {
    const actor = n.actor ?? null;
    const userIds = [...new Set(n.userIds)].filter(
      (id) => !(actor?.type === 'user' && actor.userId === id),
    );
    if (userIds.length === 0) return;
    await this.repo.insert(em, {
      workspaceId: n.workspaceId,
      userIds,
      kind: n.kind,
      postId: n.postId ?? null,
      actor,
      data: n.data ?? {},
      emailDefault: DEFAULT_EMAIL_SETTINGS[n.kind],
      smtpConfigured: this.config.smtp !== undefined,
    });
  }

  /** See NotificationsRepository.forgetComment; in the transaction that deletes the comment. */
  forgetComment(em: EntityManager, commentId: string): Promise<void> {
    return this.repo.forgetComment(em, commentId);
  }

  async list(userId: string, q: ListQuery): Promise<NotificationList> {
    let afterId: string | undefined;
    if (q.cursor !== undefined) {
      const parsed = IdSchema.safeParse(q.cursor);
      if (!parsed.success) {
        throw invalidInput('cursor', 'Use the nextCursor of the previous page.');
      }
      afterId = parsed.data;
    }
    const [rows, unreadCount] = await Promise.all([
      this.repo.list(userId, { unread: q.unread ?? false, limit: q.limit + 1, afterId }),
      this.repo.unreadCount(userId),
    ]);
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(toNotification),
      unreadCount,
      nextCursor: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }

  /** Marks the given notifications read: all of them, or none if one is not the caller's. */
  async markRead(userId: string, ids: string[]): Promise<MarkNotificationsReadResponse> {
    return this.repo.transaction(async (em) => {
      const visible = await this.repo.visibleIds(em, userId, ids);
      const unknown = ids.filter((id) => !visible.has(id));
      if (unknown.length > 0) {
        throw new NotificationError('NOTIFICATION_NOT_FOUND', 'Some notifications do not exist.', {
          ids: unknown,
        });
      }
      const updated = await this.repo.markRead(em, userId, ids);
      return { updated, unreadCount: await this.repo.unreadCount(userId, em) };
    });
  }

  async markAllRead(userId: string): Promise<MarkNotificationsReadResponse> {
    return this.repo.transaction(async (em) => {
      const updated = await this.repo.markRead(em, userId, 'all');
      return { updated, unreadCount: await this.repo.unreadCount(userId, em) };
    });
  }

  async settings(userId: string): Promise<NotificationSettings> {
    const chosen = await this.repo.emailSettings(userId);
    return {
      emailAvailable: this.config.smtp !== undefined,
      kinds: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        inApp: true as const,
        email: chosen.get(kind) ?? DEFAULT_EMAIL_SETTINGS[kind],
      })),
    };
  }

  async updateSettings(userId: string, input: SettingsInput): Promise<NotificationSettings> {
    const changes = NOTIFICATION_KINDS.flatMap((kind) => {
      const email = input.email[kind];
      return email === undefined ? [] : [{ kind, email }];
    });
    await this.repo.saveEmailSettings(userId, changes);
    return this.settings(userId);
  }
}
