import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Contest,
  type CreateContestRequest,
  CreateContestRequestSchema,
  type GeneratedRules,
  type Locale,
  type PublicRules,
  type RulesVersion,
  type SaveRulesRequest,
  type UpdateContestRequest,
  UpdateContestRequestSchema,
} from '@postplan/contracts';
import {
  canonicalJson,
  formatInZone,
  generateRulesBoth,
  parseZonedDateTime,
} from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { z } from 'zod';
import { randomSecret } from '../../common/auth/secrets';
import { Clock } from '../../common/clock/clock';
import { staleVersion } from '../../common/errors/app-error';
import { withTimeErrors } from '../../common/errors/time-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { PostsService } from '../posts/posts.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { type Evaluation, evaluateFrozen, evaluateOpen, staffSet } from './contest-entrants';
import { ContestError, contestNotFound } from './contest.errors';
import { publicUrls, toContest, toRulesVersion } from './contest.mapper';
import { winnerHashOf } from './contest-pseudonyms';
import { type ContestRow, type ContestWrite, ContestsRepository } from './contests.repository';

type CreateInput = z.output<typeof CreateContestRequestSchema>;
type UpdateInput = z.output<typeof UpdateContestRequestSchema>;

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** SHA-256 over the canonical JSON {de, en}: what a contest post's approval and a draw name. */
export function rulesHash(de: string, en: string): string {
  return sha256Hex(canonicalJson({ de, en }));
}

/** Contests, their fields, their posts and their rules. Entries and the draw have their own services. */
@Injectable()
export class ContestsService {
  constructor(
    private readonly repo: ContestsRepository,
    private readonly posts: PostsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    ws: WorkspaceWithRole,
    filter: { campaign?: string; status?: string },
    origin: string,
  ): Promise<Contest[]> {
    const rows = await this.repo.list(ws.id, {
      campaignId: filter.campaign,
      status: filter.status,
    });
    const out: Contest[] = [];
    for (const row of rows) out.push(await this.toApi(ws, row, origin));
    return out;
  }

  async get(ws: WorkspaceWithRole, id: string, origin: string): Promise<Contest> {
    return this.toApi(ws, await this.row(ws, id), origin);
  }

  async row(ws: WorkspaceWithRole, id: string, em?: EntityManager): Promise<ContestRow> {
    const row = await this.repo.find(ws.id, id, em);
    if (!row) throw contestNotFound();
    return row;
  }

  async toApi(ws: WorkspaceWithRole, row: ContestRow, origin: string): Promise<Contest> {
    const { counts } = await this.evaluate(ws, row);
    return toContest(row, { timeZone: ws.timeZone, now: this.clock.now(), origin, counts });
  }

  async create(
    ws: WorkspaceWithRole,
    userId: string,
    body: CreateContestRequest,
    origin: string,
  ): Promise<Contest> {
    const input = body as unknown as CreateInput;
    const write = await this.validated(ws, {
      campaignId: input.campaignId,
      title: input.title,
      description: input.description,
      prizes: input.prizes,
      alternatesCount: input.alternatesCount,
      entriesFrom: this.instant(input.entriesFrom, ws.timeZone),
      entriesUntil: this.instant(input.entriesUntil, ws.timeZone),
      entryMethods: input.entryMethods,
      eligibility: input.eligibility,
      organiser: input.organiser,
      retentionDays: input.retentionDays,
    });
    await this.assertPosts(ws, input.postIds);
    const id = await this.repo.transaction(async (em) => {
      const id = await this.repo.insert(em, ws.id, write, {
        publicToken: randomSecret(18),
        pseudonymKey: randomBytes(32),
        createdBy: userId,
      });
      await this.repo.setPosts(em, id, input.postIds);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.created',
        subject: { type: 'contest', id },
        after: { ...write, postIds: input.postIds },
      });
      return id;
    });
    return this.get(ws, id, origin);
  }

  async update(
    ws: WorkspaceWithRole,
    userId: string,
    id: string,
    body: UpdateContestRequest,
    ifMatch: number | undefined,
    origin: string,
  ): Promise<Contest> {
    const input = body as unknown as UpdateInput;
    const expected = input.version ?? ifMatch;
    if (expected === undefined) {
      throw new ContestError(
        'VERSION_REQUIRED',
        'Send the version you are changing, in the If-Match header or as "version" in the body.',
      );
    }
    if (input.postIds) await this.assertPosts(ws, input.postIds);
    await this.repo.transaction(async (em) => {
      const current = await this.repo.lock(em, ws.id, id);
      if (!current) throw contestNotFound();
      if (current.version !== expected) {
        throw staleVersion(
          'contest',
          current.version,
          'Someone else changed this contest in the meantime. Reload it, then apply your change again.',
        );
      }
      assertOpen(current);
      const write = await this.validated(ws, {
        campaignId: input.campaignId === undefined ? current.campaign_id : input.campaignId,
        title: input.title ?? current.title,
        description: input.description ?? current.description,
        prizes: input.prizes ?? current.prizes,
        alternatesCount: input.alternatesCount ?? current.alternates_count,
        entriesFrom: input.entriesFrom
          ? this.instant(input.entriesFrom, ws.timeZone)
          : current.entries_from,
        entriesUntil: input.entriesUntil
          ? this.instant(input.entriesUntil, ws.timeZone)
          : current.entries_until,
        entryMethods: input.entryMethods ?? current.entry_methods,
        eligibility: input.eligibility ?? current.eligibility,
        organiser: input.organiser ?? current.organiser,
        retentionDays: input.retentionDays ?? current.retention_days,
      });
      await this.repo.update(em, id, write, this.clock.now());
      if (input.postIds) {
        const before = current.post_ids;
        await this.repo.setPosts(em, id, input.postIds);
        const removed = before.filter((p) => !input.postIds!.includes(p));
        await this.syncPostRules(em, ws, userId, id, removed, null);
        await this.syncPostRules(em, ws, userId, id, input.postIds, await this.latestRulesRef(id));
      }
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.updated',
        subject: { type: 'contest', id },
        before: snapshot(current),
        after: { ...write, postIds: input.postIds ?? current.post_ids },
      });
    });
    return this.get(ws, id, origin);
  }

  async remove(ws: WorkspaceWithRole, userId: string, id: string): Promise<void> {
    await this.repo.transaction(async (em) => {
      const current = await this.repo.lock(em, ws.id, id);
      if (!current) throw contestNotFound();
      assertOpen(current);
      await this.syncPostRules(em, ws, userId, id, current.post_ids, null);
      await this.repo.delete(em, id);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.deleted',
        subject: { type: 'contest', id },
        before: snapshot(current),
      });
    });
  }

  // ---- rules ----

  async generatedRules(ws: WorkspaceWithRole, id: string, origin: string): Promise<GeneratedRules> {
    const row = await this.row(ws, id);
    return this.generate(ws, row, origin);
  }

  private async generate(
    ws: WorkspaceWithRole,
    row: ContestRow,
    origin: string,
    em?: EntityManager,
  ): Promise<GeneratedRules> {
    return generateRulesBoth({
      title: row.title,
      description: row.description,
      organiser: row.organiser,
      entriesFrom: row.entries_from,
      entriesUntil: row.entries_until,
      timeZone: ws.timeZone,
      prizes: row.prizes,
      alternatesCount: row.alternates_count,
      entryMethods: row.entry_methods,
      eligibility: row.eligibility,
      retentionDays: row.retention_days,
      platforms: await this.repo.platformsOf(row.id, em),
      verificationUrl: publicUrls(origin, row.public_token).verificationUrl,
    });
  }

  async rules(ws: WorkspaceWithRole, id: string): Promise<RulesVersion[]> {
    await this.row(ws, id);
    return (await this.repo.rules(id)).map((r) => toRulesVersion(r, ws.timeZone));
  }

  async rulesVersion(ws: WorkspaceWithRole, id: string, version: number): Promise<RulesVersion> {
    await this.row(ws, id);
    const r = await this.repo.rulesVersion(id, version);
    if (!r || r.version !== version) {
      throw new ContestError('CONTEST_NOT_FOUND', `This contest has no rules version ${version}.`);
    }
    return toRulesVersion(r, ws.timeZone);
  }

  /**
   * Each save is a new version. The contest posts' approval covers the rules version, so saving
   * new rules voids the approval of every linked post (it goes back through review).
   */
  async saveRules(
    ws: WorkspaceWithRole,
    userId: string,
    id: string,
    body: SaveRulesRequest,
    origin: string,
  ): Promise<RulesVersion> {
    const version = await this.repo.transaction(async (em) => {
      const row = await this.repo.lock(em, ws.id, id);
      if (!row) throw contestNotFound();
      assertOpen(row);
      const generated = body.generate === true;
      const text = generated
        ? await this.generate(ws, row, origin, em)
        : { de: body.de ?? '', en: body.en ?? '' };
      const hash = rulesHash(text.de, text.en);
      const version = await this.repo.insertRules(em, id, {
        de: text.de,
        en: text.en,
        generated,
        hash,
        createdBy: userId,
        at: this.clock.now(),
      });
      await this.syncPostRules(em, ws, userId, id, row.post_ids, { contestId: id, version, hash });
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.rules_saved',
        subject: { type: 'contest', id },
        after: { version, hash, generated },
      });
      return version;
    });
    return this.rulesVersion(ws, id, version);
  }

  async publicRules(
    token: string,
    lang: Locale | undefined,
    version: number | undefined,
    origin: string,
  ): Promise<PublicRules> {
    const row = await this.repo.byToken(token);
    if (!row) throw contestNotFound();
    const rules = await this.repo.rulesVersion(row.id, version ?? null);
    if (!rules || (version !== undefined && rules.version !== version)) throw contestNotFound();
    const language: Locale = lang ?? 'de';
    const other: Locale = language === 'de' ? 'en' : 'de';
    return {
      contestTitle: row.title,
      organiser: row.organiser.name,
      version: rules.version,
      hash: rules.hash,
      text: language === 'de' ? rules.de : rules.en,
      language,
      alternate: { language: other, url: `${publicUrls(origin, token).rulesUrl}?lang=${other}` },
      updatedAt: formatInZone(rules.created_at, row.time_zone),
    };
  }

  private async latestRulesRef(contestId: string) {
    const r = await this.repo.rulesVersion(contestId, null);
    return r ? { contestId, version: r.version, hash: r.hash } : null;
  }

  /**
   * Writes which rules each post carries and re-hashes it; a changed hash is a content change
   * (a revision, and a voided approval) exactly as an edit of the text would be.
   */
  private async syncPostRules(
    em: EntityManager,
    ws: WorkspaceWithRole,
    userId: string,
    contestId: string,
    postIds: readonly string[],
    ref: { contestId: string; version: number; hash: string } | null,
  ): Promise<void> {
    await this.posts.applyContestRules(em, { userId, workspace: ws }, postIds, ref, contestId);
  }

  // ---- the verdicts, shared with the entries and draw services ----

  async evaluate(ws: WorkspaceWithRole, row: ContestRow, em?: EntityManager): Promise<Evaluation> {
    const entries = await this.repo.entries(row.id, em);
    if (row.status !== 'open') {
      const commitment = await this.repo.commitment(row.id, em);
      const frozen = evaluateFrozen({
        timeZone: ws.timeZone,
        locale: ws.locale,
        entries,
        stored: await this.repo.storedExclusions(row.id),
        tickets: commitment?.tickets ?? [],
      });
      return { ...frozen, exclusions: [] };
    }
    const e = row.eligibility;
    const staff = e.excludeStaff
      ? staffSet(await this.repo.memberEmails(ws.id), e.staffHandles)
      : new Set<string>();
    const winnerHashes = await this.repo.previousWinnerHashes(
      ws.id,
      row.id,
      e.excludePreviousWinnersOfLast,
    );
    const previousWinners = new Set<string>();
    for (const r of entries) {
      if (
        r.person_key &&
        winnerHashes.has(winnerHashOf(this.config.secretKey, ws.id, r.person_key))
      )
        previousWinners.add(r.person_key);
    }
    return evaluateOpen({
      contest: row,
      timeZone: ws.timeZone,
      locale: ws.locale,
      entries,
      manual: await this.repo.manualExclusions(row.id, em),
      staff,
      previousWinners,
    });
  }

  // ---- input checks ----

  private instant(input: string, timeZone: string): Date {
    return withTimeErrors(() => parseZonedDateTime(input, timeZone));
  }

  private async validated(ws: WorkspaceWithRole, w: ContestWrite): Promise<ContestWrite> {
    if (w.entriesUntil.getTime() <= w.entriesFrom.getTime()) {
      throw new ContestError('INVALID_DATE_RANGE', 'The entry period must end after it starts.');
    }
    if (w.campaignId && !(await this.repo.campaignExists(ws.id, w.campaignId))) {
      throw new ContestError('UNKNOWN_CAMPAIGN', 'There is no such campaign in this workspace.', {
        campaignId: w.campaignId,
      });
    }
    return w;
  }

  private async assertPosts(ws: WorkspaceWithRole, ids: readonly string[]): Promise<void> {
    const known = await this.repo.existingPosts(ws.id, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new ContestError('UNKNOWN_POST', 'Some contest posts do not exist in this workspace.', {
        postIds: unknown,
      });
    }
  }
}

export function assertOpen(row: ContestRow): void {
  if (row.status !== 'open') {
    throw new ContestError(
      'CONTEST_NOT_OPEN',
      'The entrant list of this contest is committed; its rules, fields and entries are fixed.',
      { status: row.status },
    );
  }
}

function snapshot(row: ContestRow) {
  return {
    title: row.title,
    campaignId: row.campaign_id,
    prizes: row.prizes,
    alternatesCount: row.alternates_count,
    entriesFrom: row.entries_from.toISOString(),
    entriesUntil: row.entries_until.toISOString(),
    entryMethods: row.entry_methods,
    eligibility: row.eligibility,
    organiser: row.organiser,
    retentionDays: row.retention_days,
    postIds: row.post_ids,
  };
}
