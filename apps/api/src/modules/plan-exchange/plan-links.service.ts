import { Clock } from '../../common/clock/clock';
import { randomBytes, randomUUID } from 'node:crypto';
import { type Writable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CalendarFeed,
  type CreateShareLinkRequestSchema,
  type ShareLink,
  type SharedPlanInfo,
  type SharedPostList,
} from '@postplan/contracts';
import { formatInZone, parseRangeBound, parseZonedDateTime } from '@postplan/domain';
import { type z } from 'zod';
import { hmac, safeEqual, sha256 } from '../../common/auth/secrets';
import { withTimeErrors } from '../../common/errors/time-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { THROTTLE_WINDOW_MS, decideThrottle } from '../auth/login-throttle';
import { hashPassword, verifyPassword } from '../auth/passwords';
import {
  accessUntil,
  isUnlocked,
  isWellFormedToken,
  knownDeviceId,
  openLink,
  tooManyWrongPasswords,
  unlockCookies,
} from '../../common/auth/link-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { ExportRepository } from './export.repository';
import { ExportService } from './export.service';
import {
  feedNotFound,
  PlanExchangeError,
  shareLinkExpired,
  shareLinkNotFound,
} from './plan-exchange.errors';
import {
  PlanLinksRepository,
  type ShareLinkRow,
  type VisitedShareLinkRow,
} from './plan-links.repository';

type CreateInput = z.output<typeof CreateShareLinkRequestSchema>;

export type ShareVisitor = { accessCookie?: string; deviceCookie?: string; ip: string };

/** An ICS answer: a 304 decided from one small query, or the calendar streamed. */
export type FeedAnswer = {
  etag: string;
  notModified: boolean;
  write: (out: Writable) => Promise<number>;
};

/** A member's feed: 90 days back (recent history stays in view), a year ahead. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 365;
const MAX_SHARED_POSTS = 2_000;
const NO_EXPIRY = new Date(8.64e15);

/**
 * Secret addresses into the plan: each member's calendar feed, and read-only share links for
 * stakeholders. Tokens are derived from the server secret and a random salt per row, so the
 * address can be shown again to whoever manages it, while only its SHA-256 is stored for the
 * lookup; a database copy alone opens nothing. Passwords, unlock cookies and throttling are the
 * review links' (review-link-access.ts, login-throttle.ts).
 */
@Injectable()
export class PlanLinksService {
  private readonly logger = new Logger(PlanLinksService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: PlanLinksRepository,
    private readonly exportRepo: ExportRepository,
    private readonly exports: ExportService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private token(kind: 'feed' | 'share', id: string, salt: Buffer): string {
    return hmac(this.config.secretKey, `${kind}.${id}.${salt.toString('hex')}`);
  }

  // ---- member feeds ----------------------------------------------------------------------------

  async feed(ws: WorkspaceWithRole, userId: string, origin: string): Promise<CalendarFeed> {
    const row = await this.links.feedOf(ws.id, userId);
    if (!row) return { url: null, createdAt: null };
    return {
      url: `${origin}/api/v1/feeds/${this.token('feed', row.id, row.salt)}/calendar.ics`,
      createdAt: row.created_at.toISOString(),
    };
  }

  /** Creates the member's feed, or rotates it: the old address stops working at once. */
  async rotateFeed(ws: WorkspaceWithRole, userId: string, origin: string): Promise<CalendarFeed> {
    const existing = await this.links.feedOf(ws.id, userId);
    const id = existing?.id ?? randomUUID();
    const salt = randomBytes(16);
    await this.links.saveFeed(ws.id, userId, id, salt, sha256(this.token('feed', id, salt)));
    return this.feed(ws, userId, origin);
  }

  async revokeFeed(ws: WorkspaceWithRole, userId: string): Promise<void> {
    await this.links.deleteFeed(ws.id, userId);
  }

  /**
   * The feed's ETag moves with the workspace's calendar_version (triggers move it with every
   * change of a post, variant or channel) and with the day (the window slides), so an unchanged
   * calendar answers 304 after one indexed lookup, without reading a post.
   */
  async feedAnswer(token: string, ifNoneMatch: string | undefined): Promise<FeedAnswer> {
    if (!isWellFormedToken(token)) throw feedNotFound();
    const feed = await this.links.feedByTokenHash(sha256(token));
    if (!feed || !feed.is_member) throw feedNotFound();
    const day = this.clock.now().toISOString().slice(0, 10);
    const etag = `"feed-${feed.calendar_version}-${day}"`;
    const now = this.clock.nowMs();
    const from = new Date(now - FEED_PAST_DAYS * 86_400_000);
    const to = new Date(now + FEED_FUTURE_DAYS * 86_400_000);
    return {
      etag,
      notModified: matches(ifNoneMatch, etag),
      write: (out) =>
        this.exports.writeIcs(
          {
            workspaceId: feed.workspace_id,
            workspaceName: feed.workspace_name,
            timeZone: feed.time_zone,
            from,
            to,
          },
          { workspaceId: feed.workspace_id, from, to, excludeIdeas: true },
          out,
        ),
    };
  }

  // ---- share links: management --------------------------------------------------------------

  async list(ws: WorkspaceWithRole, origin: string): Promise<ShareLink[]> {
    const rows = await this.links.listLinks(ws.id);
    return rows.map((r) => this.present(r, origin));
  }

  async create(
    ws: WorkspaceWithRole,
    userId: string,
    input: CreateInput,
    origin: string,
  ): Promise<ShareLink> {
    const tz = ws.timeZone;
    const from = withTimeErrors(() => parseRangeBound(input.from, tz));
    const to = withTimeErrors(() => parseRangeBound(input.to, tz));
    if (to <= from) throw new PlanExchangeError('INVALID_DATE_RANGE', '"to" must be after "from".');
    if (to.getTime() - from.getTime() > 400 * 86_400_000) {
      throw new PlanExchangeError('INVALID_DATE_RANGE', 'A shared period spans at most 400 days.');
    }
    const expiresAt = input.expiresAt
      ? withTimeErrors(() => parseZonedDateTime(input.expiresAt!, tz))
      : null;
    if (expiresAt && expiresAt.getTime() <= this.clock.nowMs()) {
      throw new PlanExchangeError('VALIDATION_FAILED', 'The expiry must be in the future.', {
        issues: [{ path: 'expiresAt', message: 'in the past' }],
      });
    }
    const channelIds = input.channelIds ?? null;
    if (channelIds) {
      const known = await this.links.existingChannels(ws.id, channelIds);
      const unknown = channelIds.filter((id) => !known.has(id));
      if (unknown.length) {
        throw new PlanExchangeError('UNKNOWN_CHANNEL', 'Some channels do not exist here.', {
          channelIds: unknown,
        });
      }
    }
    const salt = randomBytes(16);
    const id = randomUUID();
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    // The token is derived from the id, so the row is inserted with the id it was derived from.
    await this.links.insertLink({
      id,
      workspaceId: ws.id,
      label: input.label,
      salt,
      tokenHash: sha256(this.token('share', id, salt)),
      from,
      to,
      channelIds,
      passwordHash,
      expiresAt,
      createdBy: userId,
    });
    const row = (await this.links.findLink(ws.id, id))!;
    await this.audit.recordNow({
      workspaceId: ws.id,
      actor: { type: 'user', userId },
      action: 'share_link.created',
      subject: { type: 'share_link', id },
      after: {
        label: row.label,
        from: row.scope_from.toISOString(),
        to: row.scope_to.toISOString(),
        channelIds,
        expiresAt: expiresAt?.toISOString() ?? null,
        passwordProtected: passwordHash !== null,
      },
    });
    return this.present(row, origin);
  }

  async revoke(ws: WorkspaceWithRole, userId: string, id: string): Promise<void> {
    const row = await this.links.findLink(ws.id, id);
    if (!row) throw shareLinkNotFound();
    if (await this.links.revokeLink(ws.id, id, userId)) {
      await this.audit.recordNow({
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'share_link.revoked',
        subject: { type: 'share_link', id },
      });
    }
  }

  private present(r: ShareLinkRow, origin: string): ShareLink {
    const state = r.revoked_at
      ? 'revoked'
      : r.expires_at && r.expires_at.getTime() <= this.clock.nowMs()
        ? 'expired'
        : 'active';
    return {
      id: r.id,
      label: r.label,
      from: r.scope_from.toISOString(),
      to: r.scope_to.toISOString(),
      channelIds: r.channel_ids,
      expiresAt: r.expires_at?.toISOString() ?? null,
      passwordProtected: r.password_hash !== null,
      state,
      url: state === 'revoked' ? null : `${origin}/s/${this.token('share', r.id, r.salt)}`,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
      lastUsedAt: r.last_used_at?.toISOString() ?? null,
    };
  }

  // ---- share links: visitors ----------------------------------------------------------------

  async info(token: string, visitor: ShareVisitor, origin: string): Promise<SharedPlanInfo> {
    const link = await this.open(token);
    const unlocked = this.isUnlocked(link, visitor);
    const channels = await this.links.channelsOf(link.workspace_id, link.channel_ids);
    return {
      label: link.label,
      workspaceName: link.workspace_name,
      timeZone: link.time_zone,
      from: formatInZone(link.scope_from, link.time_zone),
      to: formatInZone(link.scope_to, link.time_zone),
      expiresAt: link.expires_at?.toISOString() ?? null,
      passwordRequired: link.password_hash !== null,
      unlocked,
      channels: unlocked ? channels : [],
      feedUrl: unlocked ? this.shareFeedUrl(link, token, origin) : null,
    };
  }

  async unlock(
    token: string,
    password: string,
    visitor: ShareVisitor,
  ): Promise<{ unlockedUntil: Date; cookies: { access: string; device: string } | null }> {
    const link = await this.open(token);
    const linkEnd = link.expires_at ?? NO_EXPIRY;
    if (link.password_hash === null) return { unlockedUntil: linkEnd, cookies: null };
    const now = this.clock.now();
    const device = knownDeviceId(this.config.secretKey, link.id, visitor.deviceCookie);
    const counts = await this.links.unlockFailuresSince(
      link.id,
      visitor.ip,
      new Date(now.getTime() - THROTTLE_WINDOW_MS),
      device,
    );
    const decision = decideThrottle(counts, now, device !== null);
    if (!decision.allowed) {
      this.logger.warn({ event: 'share_link_unlock_throttled', linkId: link.id }, 'throttled');
      throw tooManyWrongPasswords(decision.retryAfterSeconds);
    }
    const ok = await verifyPassword(link.password_hash, password);
    await this.links.recordUnlock(link.id, visitor.ip, ok, device);
    if (!ok) throw new PlanExchangeError('SHARE_LINK_PASSWORD_WRONG', 'The password is not right.');
    await this.links.touchLink(link.id);
    const until = accessUntil(now, linkEnd);
    const signed = { id: link.id, passwordHash: link.password_hash };
    return { unlockedUntil: until, cookies: unlockCookies(this.config.secretKey, signed, until) };
  }

  /**
   * The posts of the link's period and channels, for a window the page asks for. Only what a
   * stakeholder needs: title, status, time, and the text per visible channel. No author, no
   * tags, no comments, no e-mail addresses.
   */
  async posts(
    token: string,
    visitor: ShareVisitor,
    window: { from?: string; to?: string },
  ): Promise<SharedPostList> {
    const link = await this.enter(token, visitor);
    const tz = link.time_zone;
    let from = link.scope_from;
    let to = link.scope_to;
    if (window.from)
      from = maxDate(
        from,
        withTimeErrors(() => parseRangeBound(window.from!, tz)),
      );
    if (window.to)
      to = minDate(
        to,
        withTimeErrors(() => parseRangeBound(window.to!, tz)),
      );
    const items: SharedPostList['items'] = [];
    if (from < to) {
      const rows = this.exportRepo.posts({
        workspaceId: link.workspace_id,
        from,
        to,
        channelIds: link.channel_ids ?? undefined,
        excludeIdeas: true,
      });
      for await (const batch of rows) {
        for (const row of batch) {
          if (items.length >= MAX_SHARED_POSTS) break;
          const visible = link.channel_ids
            ? row.variants.filter((v) => link.channel_ids!.includes(v.channelId))
            : row.variants;
          items.push({
            id: row.id,
            title: row.title,
            status: row.status,
            plannedAt: formatInZone(row.planned_at, tz),
            texts: visible.length
              ? visible.map((v) => ({
                  channel: { id: v.channelId, name: v.name, platform: v.platform },
                  text: v.text ?? row.text,
                }))
              : [{ channel: null, text: row.text }],
          });
        }
      }
    }
    return { items, timeZone: tz };
  }

  /**
   * The link's ICS feed. Calendar apps send no cookies, so a protected link's feed carries a
   * key instead: an HMAC over the link and its password hash, shown only after unlocking.
   */
  async shareFeedAnswer(
    token: string,
    key: string | undefined,
    ifNoneMatch: string | undefined,
  ): Promise<FeedAnswer> {
    const link = await this.open(token);
    if (link.password_hash !== null && !(key && safeEqual(key, this.feedKey(link)))) {
      throw new PlanExchangeError(
        'SHARE_LINK_PASSWORD_REQUIRED',
        'This feed needs the key shown on the unlocked page.',
      );
    }
    const etag = `"share-${link.calendar_version}"`;
    return {
      etag,
      notModified: matches(ifNoneMatch, etag),
      write: (out) =>
        this.exports.writeIcs(
          {
            workspaceId: link.workspace_id,
            workspaceName: link.workspace_name,
            timeZone: link.time_zone,
            from: link.scope_from,
            to: link.scope_to,
            visibleChannelIds: link.channel_ids,
          },
          {
            workspaceId: link.workspace_id,
            from: link.scope_from,
            to: link.scope_to,
            channelIds: link.channel_ids ?? undefined,
            excludeIdeas: true,
          },
          out,
        ),
    };
  }

  private feedKey(link: VisitedShareLinkRow): string {
    return hmac(this.config.secretKey, `share-feed.${link.id}.${link.password_hash ?? ''}`);
  }

  private shareFeedUrl(link: VisitedShareLinkRow, token: string, origin: string): string {
    const base = `${origin}/api/v1/shared/${token}/calendar.ics`;
    return link.password_hash ? `${base}?key=${this.feedKey(link)}` : base;
  }

  private open(token: string): Promise<VisitedShareLinkRow> {
    return openLink(token, this.clock.nowMs(), (hash) => this.links.linkByTokenHash(hash), {
      notFound: shareLinkNotFound,
      expired: shareLinkExpired,
    });
  }

  private async enter(token: string, visitor: ShareVisitor): Promise<VisitedShareLinkRow> {
    const link = await this.open(token);
    if (!this.isUnlocked(link, visitor)) {
      throw new PlanExchangeError(
        'SHARE_LINK_PASSWORD_REQUIRED',
        'This plan is protected by a password. Enter it first.',
      );
    }
    await this.links.touchLink(link.id);
    return link;
  }

  private isUnlocked(link: VisitedShareLinkRow, visitor: ShareVisitor): boolean {
    return isUnlocked(this.config.secretKey, link, visitor.accessCookie, this.clock.now());
  }
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b);
const minDate = (a: Date, b: Date) => (a < b ? a : b);
