import { staleVersion } from '../../common/errors/app-error';
import { Injectable, Optional } from '@nestjs/common';
import {
  type CreatePostRequestSchema,
  type PostDetail,
  type PostListQuerySchema,
  type Platform,
  type UpdatePostRequestSchema,
  type VariantInputSchema,
  type VariantOptionsIssue,
  parseVariantOptions,
} from '@postplan/contracts';
import { parseRangeBound, parseZonedDateTime } from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { hasRole, searchWords } from '@postplan/contracts';
import { withTimeErrors } from '../../common/errors/time-errors';
import { AuditService } from '../audit/audit.service';
import { ChannelsService } from '../channels/channels.service';
import { type ContestRulesRef, hashContent } from '../review/review-content';
import { WordingGate } from '../review/wording-gate';
import { PublicationsOutbox } from './publications-outbox';
import { ReviewPort } from './review-port';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { type CachedAnswer, CalendarCache } from './calendar-cache';
import { PostError, postNotFound } from './post.errors';
import { toPost } from './post.mapper';
import {
  type PostFilter,
  type PostMediaWrite,
  type PostRow,
  PostsRepository,
  type PostTagging,
  type PostWrite,
} from './posts.repository';
import { MediaService } from '../media/media.service';

type MediaInput = { mediaId: string; altText?: string | null };

type CreateInput = z.output<typeof CreatePostRequestSchema>;
type VariantInput = z.output<typeof VariantInputSchema>;
type VariantOptionsProblem = {
  channelId: string;
  platform: Platform;
  issues: VariantOptionsIssue[];
};
type UpdateInput = z.output<typeof UpdatePostRequestSchema>;
type ListQuery = z.output<typeof PostListQuerySchema>;
type Caller = { userId: string; workspace: WorkspaceWithRole };

const MAX_RANGE_DAYS = 400;
const MAX_ITEMS = 10_000;

@Injectable()
export class PostsService {
  constructor(
    private readonly posts: PostsRepository,
    private readonly channels: ChannelsService,
    private readonly cache: CalendarCache,
    private readonly review: ReviewPort,
    private readonly audit: AuditService,
    private readonly wording: WordingGate,
    private readonly media: MediaService,
    @Optional() private readonly outbox?: PublicationsOutbox,
  ) {}

  /**
   * The calendar answer, serialised: built by PostgreSQL as JSON text (no per-post mapping
   * here), and repeated reads of an unchanged calendar come from memory. Both give the same
   * bytes: the cache keeps what the database built.
   */
  async listCached(ws: WorkspaceWithRole, q: ListQuery): Promise<CachedAnswer> {
    // The publications' status is part of the answer: their version keys the cache too.
    const version = `${ws.calendarVersion}:${(await this.outbox?.version(ws.id)) ?? ''}`;
    const key = JSON.stringify([ws.id, version, ws.timeZone, q]);
    return this.cache.getOrCompute(key, version, () => this.listJson(ws, q));
  }

  /** The calendar answer as the database builds it, never from the cache. */
  listJson(ws: WorkspaceWithRole, q: ListQuery): Promise<string> {
    return this.posts.calendarJson(this.listFilter(ws, q), ws.timeZone);
  }

  private listFilter(ws: WorkspaceWithRole, q: ListQuery): PostFilter {
    const tz = ws.timeZone;
    let range: { from: Date; to: Date } | undefined;
    if (!q.unscheduled && !q.deleted) {
      if (!q.from || !q.to) {
        throw new PostError(
          'INVALID_DATE_RANGE',
          'Give the calendar range as from and to (to is exclusive).',
        );
      }
      const from = withTimeErrors(() => parseRangeBound(q.from!, tz));
      const to = withTimeErrors(() => parseRangeBound(q.to!, tz));
      if (to <= from) throw new PostError('INVALID_DATE_RANGE', '"to" must be later than "from".');
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
        throw new PostError(
          'INVALID_DATE_RANGE',
          `A range may span at most ${MAX_RANGE_DAYS} days.`,
        );
      }
      range = { from, to };
    }
    return {
      workspaceId: ws.id,
      range,
      unscheduled: q.unscheduled,
      deleted: q.deleted,
      statuses: q.status,
      channelIds: q.channel,
      tags: q.tag,
      authorIds: q.author,
      campaignIds: q.campaign,
      ...(q.q ? { search: { words: searchWords(q.q), locale: ws.locale } } : {}),
      limit: MAX_ITEMS,
    };
  }

  /**
   * Moves the planned time only, in the caller's transaction (a decision about a post that
   * came due during a pause): content, status and approval stay; the version moves. The one
   * write path for posts: other modules come here instead of updating the table themselves.
   */
  movePlannedTime(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    plannedAt: Date | null,
  ): Promise<number> {
    return this.posts.movePlannedTime(em, workspaceId, postId, plannedAt);
  }

  /** One post with its review state, as the caller may act on it. */
  get({ userId, workspace: ws }: Caller, id: string): Promise<PostDetail> {
    return this.review.detail(ws, id, userId, ws.role);
  }

  async create(caller: Caller, input: CreateInput): Promise<PostDetail> {
    const { userId, workspace: ws } = caller;
    const plannedAt = this.plannedAt(input.plannedAt, ws.timeZone);
    const options = await this.variantOptions(ws.id, input.variants, []);
    const id = await this.posts.transaction(async (em) => {
      const tagging = await this.tagging(em, ws.id, input.campaignId, input.variants);
      const resolve = await this.mediaResolver(em, ws.id, null, [
        input.media,
        ...input.variants.map((v) => v.media),
      ]);
      const content: PostWrite = {
        title: input.title,
        text: input.text,
        plannedAt,
        tags: input.tags,
        media: resolve(input.media),
        variants: input.variants.map((v) => ({
          channelId: v.channelId,
          text: v.text,
          media: v.media ? resolve(v.media) : null,
          options: options.get(v.channelId) ?? {},
        })),
        campaignId: input.campaignId,
      };
      const id = await this.posts.insert(em, {
        workspaceId: ws.id,
        authorId: userId,
        status: input.status,
        ...content,
        contentHash: hashContent({ ...content, ...tagging }),
      });
      const row = await this.posts.find(ws.id, id, em);
      await this.review.onCreated(em, ws.id, row!, userId);
      await this.wording.indexPost(em, ws.id, id);
      return id;
    });
    return this.get(caller, id);
  }

  async update(
    caller: Caller,
    id: string,
    input: UpdateInput,
    ifMatch: number | undefined,
  ): Promise<PostDetail> {
    const expected = this.expectedVersion(ifMatch ?? input.version);
    await this.posts.transaction((em) => this.updateIn(em, caller, id, input, expected));
    return this.get(caller, id);
  }

  /**
   * A content save inside a transaction the caller holds, for changes that must commit together
   * with something else (accepting a comment's suggestion).
   */
  async updateIn(
    em: EntityManager,
    caller: Caller,
    id: string,
    input: UpdateInput,
    expected: number,
  ): Promise<void> {
    const ws = caller.workspace;
    const plannedAt =
      input.plannedAt === undefined ? undefined : this.plannedAt(input.plannedAt, ws.timeZone);
    const current = await this.lockForChange(em, caller, id, expected);
    if (current.deleted_at) throw postNotFound();
    const options = input.variants
      ? await this.variantOptions(ws.id, input.variants, current.variants)
      : new Map(current.variants.map((v) => [v.channelId, v.options ?? {}]));
    const resolve = await this.mediaResolver(em, ws.id, current, [
      input.media,
      ...(input.variants ?? []).map((v) => v.media),
    ]);
    const currentVariants = new Map(current.variants.map((v) => [v.channelId, v]));
    const next: PostWrite = {
      title: input.title ?? current.title,
      text: input.text ?? current.text,
      plannedAt: plannedAt === undefined ? current.planned_at : plannedAt,
      tags: input.tags ?? current.tags,
      media: input.media ? resolve(input.media) : current.media.map(toMediaWrite),
      variants: (input.variants ?? current.variants).map((v) => {
        // Left out: the channel keeps the media it has (a suggestion accepted on its text, say).
        const media =
          v.media === undefined
            ? (currentVariants.get(v.channelId)?.media ?? null)
            : v.media && 'sha256' in (v.media[0] ?? {})
              ? (v.media as PostMediaWrite[])
              : v.media;
        return {
          channelId: v.channelId,
          text: v.text,
          media: media === null ? null : resolve(media),
          options: options.get(v.channelId) ?? {},
        };
      }),
      campaignId: input.campaignId === undefined ? current.campaign_id : input.campaignId,
    };
    const tagging = await this.tagging(em, ws.id, next.campaignId, next.variants);
    await this.posts.updateContent(
      em,
      id,
      {
        ...next,
        contentHash: hashContent({ ...next, ...tagging, contest_rules: current.contest_rules }),
      },
      input.variants !== undefined,
    );
    const saved = await this.posts.find(ws.id, id, em);
    if (next.campaignId !== current.campaign_id) {
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'post.campaign_changed',
        postId: id,
        before: { campaignId: current.campaign_id },
        after: { campaignId: next.campaignId },
      });
    }
    await this.review.onSaved(em, ws.id, current, saved!, caller.userId, ws.role);
    await this.auditMoveAndTags(em, ws.id, current, saved!, caller.userId);
    await this.outbox?.syncPost(em, id);
    await this.wording.indexPost(em, ws.id, id);
  }

  /**
   * A contest's rules changed, or its posts did: each post records which rules it carries
   * (`ref`, or null when it leaves contest `contestId`), and a changed hash is a content change
   * the review reacts to as to an edit (a revision, the approval void). In the caller's
   * transaction; returns how many posts changed.
   */
  async applyContestRules(
    em: EntityManager,
    caller: Caller,
    postIds: readonly string[],
    ref: ContestRulesRef | null,
    contestId: string,
  ): Promise<number> {
    const ws = caller.workspace;
    let changed = 0;
    for (const postId of postIds) {
      const before = await this.posts.lock(em, ws.id, postId);
      if (!before) continue;
      // A post linked to two contests carries the rules of the one that changed last.
      if (ref === null && before.contest_rules?.contestId !== contestId) continue;
      const hash = hashContent({ ...before, contest_rules: ref });
      if (hash === before.content_hash && ref?.version === before.contest_rules?.version) continue;
      await this.posts.setContestRules(em, postId, ref, hash);
      const saved = await this.posts.find(ws.id, postId, em);
      await this.review.onSaved(em, ws.id, before, saved!, caller.userId, ws.role);
      await this.outbox?.syncPost(em, postId);
      changed += 1;
    }
    return changed;
  }

  /**
   * A campaign's UTM defaults are about to change, inside the campaign's transaction: its posts
   * (binned ones too), locked and as they are now. Call `retagCampaignPosts` with them once the campaign
   * row holds the new defaults.
   */
  lockCampaignPosts(em: EntityManager, workspaceId: string, campaignId: string) {
    return this.posts.lockCampaignPosts(em, workspaceId, campaignId);
  }

  /**
   * Locks a campaign's posts without reading them: taken before the campaign's own lock, in the
   * order a post's save takes the two (the post, then its campaign).
   */
  lockCampaignPostIds(em: EntityManager, workspaceId: string, campaignId: string) {
    return this.posts.lockCampaignPostIds(em, workspaceId, campaignId);
  }

  /**
   * Each post whose links the new UTM defaults tag differently gets its new content hash, and
   * the review reacts as to an edit of its text: a revision, the approval void, a new round.
   * Returns how many posts changed.
   */
  async retagCampaignPosts(em: EntityManager, caller: Caller, before: PostRow[]): Promise<number> {
    const ws = caller.workspace;
    let changed = 0;
    for (const current of before) {
      const now = await this.posts.find(ws.id, current.id, em);
      const hash = hashContent(now!);
      if (hash === current.content_hash) continue;
      await this.posts.setContentHash(em, current.id, hash);
      const saved = await this.posts.find(ws.id, current.id, em);
      await this.review.onSaved(em, ws.id, current, saved!, caller.userId, ws.role);
      await this.outbox?.syncPost(em, current.id);
      changed += 1;
    }
    return changed;
  }

  /** A move and a change of tags are the post's own facts; review records content changes. */
  private async auditMoveAndTags(
    em: EntityManager,
    workspaceId: string,
    before: PostRow,
    after: PostRow,
    userId: string,
  ): Promise<void> {
    const actor = { type: 'user' as const, userId };
    if (before.planned_at?.getTime() !== after.planned_at?.getTime()) {
      await this.audit.record(em, {
        workspaceId,
        actor,
        action: 'post.moved',
        postId: after.id,
        before: { plannedAt: before.planned_at?.toISOString() ?? null },
        after: { plannedAt: after.planned_at?.toISOString() ?? null },
      });
    }
    if (before.tags.join('\u0000') !== after.tags.join('\u0000')) {
      await this.audit.record(em, {
        workspaceId,
        actor,
        action: 'post.retagged',
        postId: after.id,
        before: { tags: before.tags },
        after: { tags: after.tags },
      });
    }
  }

  async remove(caller: Caller, id: string, ifMatch: number | undefined): Promise<void> {
    const expected = this.expectedVersion(ifMatch);
    await this.posts.transaction(async (em) => {
      const current = await this.lockForChange(em, caller, id, expected);
      if (current.deleted_at) throw postNotFound();
      await this.posts.setDeleted(em, id, true);
      await this.audit.record(em, {
        workspaceId: caller.workspace.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'post.deleted',
        postId: id,
        before: { status: current.status },
      });
      await this.outbox?.syncPost(em, id);
      await this.wording.indexPost(em, caller.workspace.id, id);
    });
  }

  async restore(caller: Caller, id: string): Promise<PostDetail> {
    await this.posts.transaction(async (em) => {
      const current = await this.lockForChange(em, caller, id, undefined);
      if (!current.deleted_at) throw new PostError('POST_NOT_DELETED', 'This post is not deleted.');
      await this.posts.setDeleted(em, id, false);
      await this.audit.record(em, {
        workspaceId: caller.workspace.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'post.restored',
        postId: id,
      });
      await this.outbox?.syncPost(em, id);
      await this.wording.indexPost(em, caller.workspace.id, id);
    });
    return this.get(caller, id);
  }

  /** Locks the post, then checks the caller may change it and that nobody changed it meanwhile. */
  private async lockForChange(
    em: EntityManager,
    { userId, workspace: ws }: Caller,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<PostRow> {
    const current = await this.posts.lock(em, ws.id, id);
    if (!current) throw postNotFound();
    if (!hasRole(ws.role, 'editor') && current.author_id !== userId) {
      throw new PostError('FORBIDDEN_ROLE', 'Authors can change only their own posts.', {
        required: 'editor',
      });
    }
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw staleVersion(
        'post',
        current.version,
        'Someone else changed this post in the meantime. Review their version, then apply your change again.',
        { current: toPost(current, ws.timeZone) },
      );
    }
    return current;
  }

  private expectedVersion(version: number | undefined): number {
    if (version === undefined) {
      throw new PostError(
        'VERSION_REQUIRED',
        'Send the version you are changing, in the If-Match header or as "version" in the body.',
      );
    }
    return version;
  }

  private plannedAt(input: string | null | undefined, timeZone: string): Date | null {
    return input ? withTimeErrors(() => parseZonedDateTime(input, timeZone)) : null;
  }

  private async tagging(
    em: EntityManager,
    workspaceId: string,
    campaignId: string | null,
    variants: { channelId: string }[],
  ): Promise<PostTagging> {
    const tagging = await this.posts.tagging(
      em,
      workspaceId,
      campaignId,
      variants.map((v) => v.channelId),
    );
    if (!tagging) {
      throw new PostError('UNKNOWN_CAMPAIGN', 'The campaign does not exist in this workspace.', {
        campaignId: campaignId!,
      });
    }
    return tagging;
  }

  /**
   * Checks every media id a save names against the workspace's library and returns how to
   * turn an input list into what is stored: the use's alt text, or (left out) the library's.
   * A deleted library item may stay on a post that already has it, but not be added anew.
   */
  private async mediaResolver(
    em: EntityManager,
    workspaceId: string,
    current: PostRow | null,
    lists: readonly (readonly MediaInput[] | null | undefined)[],
  ): Promise<(list: readonly (MediaInput | PostMediaWrite)[]) => PostMediaWrite[]> {
    const ids = [...new Set(lists.flatMap((l) => (l ?? []).map((m) => m.mediaId)))];
    const attached = new Set([
      ...(current?.media ?? []).map((m) => m.mediaId),
      ...(current?.variants ?? []).flatMap((v) => (v.media ?? []).map((m) => m.mediaId)),
    ]);
    const rows = new Map(
      (await this.media.rowsForPost(workspaceId, ids, em)).map((r) => [r.id, r]),
    );
    const unknown = ids.filter((id) => {
      const row = rows.get(id);
      return !row || (row.deleted_at !== null && !attached.has(id));
    });
    if (unknown.length > 0) {
      throw new PostError('UNKNOWN_MEDIA', 'Some media are not in this workspace’s library.', {
        mediaIds: unknown,
      });
    }
    const currentAlt = new Map(
      [...(current?.media ?? []), ...(current?.variants ?? []).flatMap((v) => v.media ?? [])].map(
        (m) => [m.mediaId, m],
      ),
    );
    return (list) =>
      list.map((m) => {
        if ('sha256' in m) return m;
        const row = rows.get(m.mediaId) ?? null;
        const sha256 = row?.sha256 ?? currentAlt.get(m.mediaId)?.sha256 ?? '';
        const altText = m.altText !== undefined ? m.altText : (row?.alt_text ?? null);
        return { mediaId: m.mediaId, altText, sha256 };
      });
  }

  /**
   * The options each variant will store, by channel: every channel must belong to the
   * workspace, and each variant's options must be valid for its channel's platform. Options
   * left out keep what the channel had; nothing is written when anything is wrong.
   */
  private async variantOptions(
    workspaceId: string,
    variants: readonly Pick<VariantInput, 'channelId' | 'options'>[],
    stored: readonly { channelId: string; options?: Record<string, unknown> }[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const ids = variants.map((v) => v.channelId);
    const platforms = await this.channels.platformsOf(workspaceId, ids);
    const unknown = ids.filter((id) => !platforms.has(id));
    if (unknown.length > 0) {
      throw new PostError(
        'UNKNOWN_CHANNEL',
        'Some target channels do not exist in this workspace.',
        {
          channelIds: unknown,
        },
      );
    }
    const invalid: VariantOptionsProblem[] = [];
    const checked = new Map<string, Record<string, unknown>>();
    for (const v of variants) {
      const platform = platforms.get(v.channelId)!;
      const options = v.options ?? stored.find((s) => s.channelId === v.channelId)?.options ?? {};
      const parsed = parseVariantOptions(platform, options);
      if (parsed.success) checked.set(v.channelId, parsed.data);
      else invalid.push({ channelId: v.channelId, platform, issues: parsed.issues });
    }
    if (invalid.length > 0) {
      throw new PostError(
        'VARIANT_OPTIONS_INVALID',
        `Some platform options are invalid: ${invalid
          .map((c) => `${c.platform} (${c.issues.map((i) => i.path || i.message).join(', ')})`)
          .join('; ')}.`,
        { channels: invalid },
      );
    }
    return checked;
  }
}

function toMediaWrite(m: {
  mediaId: string;
  altText: string | null;
  sha256: string;
}): PostMediaWrite {
  return { mediaId: m.mediaId, altText: m.altText, sha256: m.sha256 };
}
