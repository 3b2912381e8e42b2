import { Injectable } from '@nestjs/common';
import {
  type BlockingFinding,
  type Locale,
  type PostWording,
  type WordingCheckRequestSchema,
  type WordingCheckResponse,
} from '@postplan/contracts';
import {
  checkWording,
  DEFAULT_WORDING_SETTINGS,
  DuplicateIndex,
  type MediaItem,
  parseZonedDateTime,
  SIGNATURE_VERSION,
  type SiblingVariant,
  type WorkspaceWordingSettings,
} from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { withTimeErrors } from '../../common/errors/time-errors';
import { WordingGate } from '../review/wording-gate';
import { signForIndex, type SignedText } from './duplicate-signatures';
import { DuplicateSignaturesRepository } from './duplicate-signatures.repository';
import { SpellCheckerProvider } from './spell-checkers';
import { storedChannelSettings, WordingConfigStore } from './wording-config.store';
import { WordingError } from './wording.errors';
import { toFinding } from './wording.mapper';
import { type CheckContextRow, WordingRepository } from './wording.repository';
import { Clock } from '../../common/clock/clock';

type CheckInput = z.output<typeof WordingCheckRequestSchema>;

/** The workspace by id, or anything that carries it (a WorkspaceWithRole). */
export type WorkspaceRef = string | { id: string };

/** A post as the API returns it; only what the wording check reads. */
export type PostForWording = {
  id: string;
  text: string;
  plannedAt: string | null;
  /** Its campaign: links go out tagged with the campaign's UTM defaults, and are measured so. */
  campaignId?: string | null;
  /** The base media; a variant's own list (null: none of its own) replaces them. */
  media?: readonly MediaItem[];
  variants: readonly {
    channelId: string;
    text: string | null;
    media?: readonly MediaItem[] | null;
  }[];
};

const DAY = 86_400_000;

/**
 * The wording review on the server: the engine of libs/domain with the workspace's settings,
 * the channel's settings, the dictionaries and the duplicate index. Posts call it for their
 * findings and for the review gate, and keep the duplicate index current through indexPost.
 */
@Injectable()
export class WordingService extends WordingGate {
  constructor(
    private readonly repo: WordingRepository,
    private readonly signatures: DuplicateSignaturesRepository,
    private readonly config: WordingConfigStore,
    private readonly spelling: SpellCheckerProvider,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** POST /wording/check: any text, for a platform or one of the workspace's channels. */
  async check(
    ws: { id: string; timeZone: string },
    userId: string,
    input: CheckInput,
  ): Promise<WordingCheckResponse> {
    const siblings = input.siblingVariants ?? [];
    const channelIds = unique([
      ...(input.channelId ? [input.channelId] : []),
      ...siblings.map((s) => s.channelId),
    ]);
    const ctx = await this.context(ws.id, channelIds, userId);
    const channels = new Map(ctx.channels.map((c) => [c.id, c]));
    const unknown = channelIds.filter((id) => !channels.has(id));
    if (unknown.length > 0) {
      throw new WordingError(
        'UNKNOWN_CHANNEL',
        'Some of the channels do not exist in this workspace.',
        { channelIds: unknown },
      );
    }
    const channel = input.channelId ? channels.get(input.channelId) : undefined;
    const platform = input.platform ?? channel?.platform;
    if (!platform) {
      throw invalid('platform', 'Name the platform, or the channel the text goes to.');
    }
    if (channel && platform !== channel.platform) {
      throw invalid(
        'platform',
        `The channel posts to ${channel.platform}, not to ${platform}; leave the platform out or send ${channel.platform}.`,
      );
    }
    const at = input.plannedAt
      ? withTimeErrors(() => parseZonedDateTime(input.plannedAt!, ws.timeZone))
      : this.clock.now();
    const workspace = await this.config.get(ws.id, ctx.version);
    const duplicateIndex = channel
      ? await this.duplicateIndex(
          ws.id,
          [{ channelId: channel.id, signed: signForIndex(input.text) }],
          at,
          workspace,
          input.postId ?? null,
        )
      : undefined;
    const result = checkWording({
      text: input.text,
      platform,
      ...(input.media ? { media: input.media } : {}),
      ...(channel
        ? { channel: { ...storedChannelSettings(channel.wording), channelId: channel.id } }
        : {}),
      workspace,
      knownNames: ctx.names,
      ...(input.language ? { language: input.language } : {}),
      context: {
        now: at,
        ...(duplicateIndex ? { duplicateIndex } : {}),
        ...(input.postId ? { postId: input.postId } : {}),
        siblingVariants: siblings.map((s) => ({
          channelId: s.channelId,
          platform: channels.get(s.channelId)!.platform,
          text: s.text,
        })),
      },
      ...this.spellingFor(input.skipSpelling),
    });
    const locale = input.locale ?? ctx.user_locale ?? ctx.workspace_locale;
    return {
      findings: result.findings.map((f) => toFinding(f, locale)),
      length: result.length,
      language: result.language,
      ...(result.readability ? { readability: result.readability } : {}),
    };
  }

  /**
   * Every variant of a post checked for its channel: the same-text rule sees the sibling
   * variants, the duplicate rule the channel's other posts around the planned time (one query
   * for all variants). `blocking` lists the errors, which hold up submitting and approving.
   */
  async checkPost(
    ws: WorkspaceRef,
    post: PostForWording,
    options: { locale?: Locale } = {},
  ): Promise<PostWording> {
    const workspaceId = typeof ws === 'string' ? ws : ws.id;
    const ctx = await this.context(
      workspaceId,
      unique(post.variants.map((v) => v.channelId)),
      null,
    );
    const channels = new Map(ctx.channels.map((c) => [c.id, c]));
    const locale = options.locale ?? ctx.workspace_locale;
    const variants = post.variants
      .filter((v) => channels.has(v.channelId))
      .map((v) => ({
        ...v,
        text: v.text ?? post.text,
        media: v.media ?? post.media,
        channel: channels.get(v.channelId)!,
      }));
    if (variants.length === 0) return { variants: [], blocking: [] };

    const at = post.plannedAt ? new Date(post.plannedAt) : this.clock.now();
    const workspace = await this.config.get(workspaceId, ctx.version);
    const signed = new Map<string, SignedText>();
    const signedOf = (text: string) => {
      let s = signed.get(text);
      if (!s) signed.set(text, (s = signForIndex(text)));
      return s;
    };
    const duplicateIndex = await this.duplicateIndex(
      workspaceId,
      variants.map((v) => ({ channelId: v.channelId, signed: signedOf(v.text) })),
      at,
      workspace,
      post.id,
    );
    const siblingVariants: SiblingVariant[] = variants.map((v) => ({
      channelId: v.channelId,
      platform: v.channel.platform,
      text: v.text,
    }));
    const spelling = this.spellingFor(false);
    const contestRulesPaths = await this.repo.contestRulesPaths(post.id);
    const campaignUtm = post.campaignId
      ? await this.repo.campaignUtm(workspaceId, post.campaignId)
      : null;

    const result: PostWording = { variants: [], blocking: [] };
    for (const v of variants) {
      const checked = checkWording({
        text: v.text,
        platform: v.channel.platform,
        ...(v.media ? { media: v.media } : {}),
        channel: { ...storedChannelSettings(v.channel.wording), channelId: v.channelId },
        workspace,
        knownNames: ctx.names,
        campaignUtm,
        context: {
          now: at,
          postId: post.id,
          siblingVariants,
          contestRulesPaths,
          ...(duplicateIndex ? { duplicateIndex } : {}),
        },
        ...spelling,
      });
      const findings = checked.findings.map((f) => toFinding(f, locale));
      result.variants.push({
        channelId: v.channelId,
        platform: v.channel.platform,
        language: checked.language,
        findings,
        length: checked.length,
      });
      for (const f of findings) {
        if (f.severity !== 'error') continue;
        result.blocking.push({
          channelId: v.channelId,
          rule: f.rule,
          message: f.message,
          messages: f.messages,
          start: f.start,
          end: f.end,
        });
      }
    }
    return result;
  }

  /** The review gate: the error-severity findings of a post, each with its channel. */
  async blockingFindings(
    ws: WorkspaceRef,
    post: PostForWording,
    options: { locale?: Locale } = {},
  ): Promise<BlockingFinding[]> {
    return (await this.checkPost(ws, post, options)).blocking;
  }

  /**
   * (Re)computes the duplicate index entries of a post in the caller's transaction: after every
   * create, update, delete and restore. A deleted or missing post leaves nothing behind.
   */
  async indexPost(em: EntityManager, workspaceId: string, postId: string): Promise<void> {
    const post = await this.signatures.lockPost(em, workspaceId, postId);
    if (!post || post.deleted) {
      await this.signatures.replace(em, workspaceId, postId, null, []);
      return;
    }
    const byText = new Map<string, SignedText>();
    const writes = post.variants.map((v) => {
      const text = v.text ?? post.text;
      let signed = byText.get(text);
      if (!signed) byText.set(text, (signed = signForIndex(text)));
      return { ...signed, channelId: v.channelId };
    });
    await this.signatures.replace(em, workspaceId, postId, post, writes);
  }

  private async context(
    workspaceId: string,
    channelIds: string[],
    userId: string | null,
  ): Promise<CheckContextRow> {
    const ctx = await this.repo.checkContext(workspaceId, channelIds, userId);
    if (!ctx) throw new Error(`Workspace ${workspaceId} vanished during a wording check`);
    return ctx;
  }

  /**
   * The candidates for near-duplicates of these texts, each on its own channel, within the
   * workspace's window around `at`, in a DuplicateIndex for the engine. Undefined when no text
   * has anything to compare.
   */
  private async duplicateIndex(
    workspaceId: string,
    texts: { channelId: string; signed: SignedText }[],
    at: Date,
    workspace: WorkspaceWordingSettings,
    excludePostId: string | null,
  ): Promise<DuplicateIndex | undefined> {
    const probes = texts
      .filter((t) => t.signed.bandKeys.length > 0)
      .map((t) => ({ channelId: t.channelId, bandKeys: t.signed.bandKeys }));
    if (probes.length === 0) return undefined;
    const days = workspace.duplicates?.windowDays ?? DEFAULT_WORDING_SETTINGS.duplicateWindowDays;
    const rows = await this.signatures.candidates(
      workspaceId,
      probes,
      { from: new Date(at.getTime() - days * DAY), to: new Date(at.getTime() + days * DAY) },
      excludePostId,
      SIGNATURE_VERSION,
    );
    const index = new DuplicateIndex();
    for (const row of rows) index.addStored(row);
    return index;
  }

  private spellingFor(skip: boolean | undefined) {
    if (skip) return { skipSpelling: true };
    const checkers = this.spelling.get();
    return checkers ? { spellChecker: checkers } : {};
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function invalid(path: string, message: string): WordingError {
  return new WordingError('VALIDATION_FAILED', `${path}: ${message}`, {
    issues: [{ path, message, code: 'custom' }],
  });
}
