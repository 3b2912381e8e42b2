import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CreatePostRequestSchema,
  type Certificate,
  type Commitment,
  type ContestDraw,
  type DrawRequest,
  type DrawResult,
  type DrawnEntrant,
  type Locale,
  type Platform,
  type RedrawRequest,
  type Verification,
  type WinnerNotification,
} from '@postplan/contracts';
import {
  DRAW_ALGORITHM,
  formatInZone,
  maskHandle,
  normalisePublicValue,
  runDraw,
  secretHash,
} from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { seal, unseal } from '../../common/auth/secrets';
import { Clock } from '../../common/clock/clock';
import { htmlToPdf } from '../../common/pdf/html-to-pdf';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { PostsService } from '../posts/posts.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { renderCertificate } from './certificate';
import { ContestError, contestNotFound } from './contest.errors';
import { publicUrls } from './contest.mapper';
import { winnerHashOf } from './contest-pseudonyms';
import {
  type CommitmentRow,
  type ContestRow,
  type DrawRow,
  type ReplacementRow,
  ContestsRepository,
} from './contests.repository';
import { ContestsService } from './contests.service';

const SECRET_SEAL = 'contest-draw-secret';

/** The commitment, the one draw, replacements, the public verification and the certificate. */
@Injectable()
export class ContestDrawService {
  constructor(
    private readonly repo: ContestsRepository,
    private readonly contests: ContestsService,
    private readonly posts: PostsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(ws: WorkspaceWithRole, id: string): Promise<ContestDraw> {
    const row = await this.contests.row(ws, id);
    return this.state(row, ws.timeZone);
  }

  /**
   * Freezes the entries and publishes the commitment: the sorted eligible list's SHA-256 and the
   * hash of a fresh server secret. Only after the entry period, with saved rules, once.
   */
  async commit(ws: WorkspaceWithRole, userId: string, id: string): Promise<ContestDraw> {
    await this.repo.transaction(async (em) => {
      const row = await this.repo.lock(em, ws.id, id);
      if (!row) throw contestNotFound();
      if (row.status === 'drawn') throw alreadyDrawn(await this.repo.draw(id, em));
      if (row.status !== 'open') {
        throw new ContestError('CONTEST_NOT_OPEN', 'The entrant list is already committed.', {
          status: row.status,
        });
      }
      const now = this.clock.now();
      if (now < row.entries_until) {
        throw new ContestError(
          'CONTEST_PERIOD_NOT_ENDED',
          'The entry period has not ended; entries can still come in.',
          { entriesUntil: formatInZone(row.entries_until, ws.timeZone) },
        );
      }
      const rules = await this.repo.rulesVersion(id, null);
      if (!rules) {
        throw new ContestError(
          'CONTEST_RULES_MISSING',
          'Save the contest rules first; the draw records which version was in force.',
        );
      }
      const verdict = await this.contests.evaluate(ws, row, em);
      if (verdict.tickets.length === 0) {
        throw new ContestError('CONTEST_NO_ELIGIBLE_ENTRANTS', 'Nobody is eligible to win.', {
          entrants: verdict.counts.entrants,
        });
      }
      const secret = randomBytes(32).toString('hex');
      const draft = runDraw({
        tickets: verdict.tickets,
        secret,
        publicValue: '',
        winners: 0,
        alternates: 0,
      });
      await this.repo.insertExclusions(em, id, verdict.exclusions);
      await this.repo.insertCommitment(em, id, {
        committed_at: now,
        committed_by: userId,
        algorithm: DRAW_ALGORITHM,
        rules_version: rules.version,
        rules_hash: rules.hash,
        tickets: verdict.tickets,
        list_hash: draft.listHash,
        secret_hash: draft.secretHash,
        secret_sealed: seal(this.config.secretKey, SECRET_SEAL, secret),
        entry_count: verdict.counts.entries,
        entrant_count: verdict.counts.entrants,
        eligible_count: verdict.counts.eligible,
        excluded_count: verdict.counts.excluded,
      });
      await this.repo.setStatus(em, id, 'committed', now);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.committed',
        subject: { type: 'contest', id },
        after: {
          listHash: draft.listHash,
          secretHash: draft.secretHash,
          rulesVersion: rules.version,
          ...verdict.counts,
        },
      });
    });
    return this.get(ws, id);
  }

  /** The one draw. A second call, by anyone, is refused: CONTEST_ALREADY_DRAWN. */
  async draw(
    ws: WorkspaceWithRole,
    userId: string,
    id: string,
    body: DrawRequest,
  ): Promise<ContestDraw> {
    await this.repo.transaction(async (em) => {
      const row = await this.repo.lock(em, ws.id, id);
      if (!row) throw contestNotFound();
      if (row.status === 'drawn') throw alreadyDrawn(await this.repo.draw(id, em));
      const commitment = await this.repo.commitment(id, em);
      if (row.status !== 'committed' || !commitment) {
        throw new ContestError(
          'CONTEST_NOT_COMMITTED',
          'Commit the entrant list first: the commitment is published before the draw.',
          { status: row.status },
        );
      }
      const secret = unseal(this.config.secretKey, SECRET_SEAL, commitment.secret_sealed);
      if (!secret || secretHash(secret) !== commitment.secret_hash) {
        throw new Error(`The sealed draw secret of contest ${id} does not match its commitment`);
      }
      const winners = row.prizes.reduce((n, p) => n + p.quantity, 0);
      const out = runDraw({
        tickets: commitment.tickets,
        secret,
        publicValue: body.publicValue,
        winners,
        alternates: row.alternates_count,
      });
      if (out.listHash !== commitment.list_hash) {
        throw new Error(`The committed list of contest ${id} does not match its hash`);
      }
      const now = this.clock.now();
      const entries = await this.repo.entries(id, em);
      const labels: DrawRow['labels'] = {};
      for (const p of out.order) {
        const first = entries.find((e) => e.pseudonym === p);
        labels[p] = {
          masked: maskHandle(first?.handle ?? null),
          platform: (first?.platform ?? null) as Platform | null,
        };
      }
      const inserted = await this.repo.insertDraw(em, id, {
        drawn_at: now,
        drawn_by: userId,
        algorithm: DRAW_ALGORITHM,
        secret,
        public_value: normalisePublicValue(body.publicValue),
        public_value_by: body.publicValueBy.trim(),
        seed: out.seed,
        draw_order: out.order,
        winners_count: winners,
        alternates_count: row.alternates_count,
        labels,
      });
      if (!inserted) throw alreadyDrawn(await this.repo.draw(id, em));
      await this.rememberWinners(em, ws.id, id, out.winners);
      await this.repo.setStatus(em, id, 'drawn', now);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.drawn',
        subject: { type: 'contest', id },
        after: {
          seed: out.seed,
          publicValueBy: body.publicValueBy,
          winners: out.winners,
          alternates: out.alternates,
        },
      });
    });
    return this.get(ws, id);
  }

  /**
   * A winner is replaced by the next unused alternate. The original result stays; the
   * replacement is recorded with its reason, who and when.
   */
  async redraw(
    ws: WorkspaceWithRole,
    userId: string,
    id: string,
    body: RedrawRequest,
  ): Promise<ContestDraw> {
    await this.repo.transaction(async (em) => {
      const row = await this.repo.lock(em, ws.id, id);
      if (!row) throw contestNotFound();
      const draw = await this.repo.draw(id, em);
      if (!draw) throw notDrawn();
      const replacements = await this.repo.replacements(id, em);
      const current = currentWinners(draw, replacements);
      const position = current.indexOf(body.entrantId);
      if (position === -1) {
        throw new ContestError('CONTEST_NOT_A_WINNER', 'This entrant is not a current winner.', {
          entrantId: body.entrantId,
        });
      }
      const alternates = draw.draw_order.slice(draw.winners_count);
      const used = new Set(replacements.map((r) => r.by_pseudonym));
      const next = alternates.find((a) => !used.has(a));
      if (!next) {
        throw new ContestError(
          'CONTEST_NO_ALTERNATE_LEFT',
          'Every alternate has moved up already; nobody is left to draw from the result.',
          { alternates: alternates.length },
        );
      }
      const now = this.clock.now();
      await this.repo.insertReplacement(em, id, {
        position,
        replaced: body.entrantId,
        by: next,
        reason: body.reason,
        userId,
        at: now,
      });
      await this.rememberWinners(em, ws.id, id, [next]);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.winner_replaced',
        subject: { type: 'contest', id },
        before: { winner: body.entrantId },
        after: { winner: next, position: position + 1 },
        reason: body.reason,
      });
    });
    return this.get(ws, id);
  }

  // ---- public ----

  async verification(token: string, origin: string): Promise<Verification> {
    const row = await this.repo.byToken(token);
    if (!row) throw contestNotFound();
    return this.verificationOf(row, row.time_zone, origin);
  }

  async certificateHtml(
    ws: WorkspaceWithRole | null,
    idOrToken: { id?: string; token?: string },
    origin: string,
    lang: Locale | undefined,
  ): Promise<string> {
    const { cert, locale } = await this.certificate(ws, idOrToken, origin);
    return renderCertificate(cert, lang ?? locale);
  }

  async certificatePdf(
    ws: WorkspaceWithRole | null,
    idOrToken: { id?: string; token?: string },
    origin: string,
    lang: Locale | undefined,
  ): Promise<Buffer> {
    const html = await this.certificateHtml(ws, idOrToken, origin, lang);
    const chromiumPath = this.config.chromiumPath;
    return htmlToPdf(html, { chromiumPath, unavailable: () => pdfUnavailable(chromiumPath) });
  }

  private async certificate(
    ws: WorkspaceWithRole | null,
    { id, token }: { id?: string; token?: string },
    origin: string,
  ): Promise<{ cert: Certificate; locale: Locale }> {
    let row: ContestRow | null;
    let timeZone: string;
    let locale: Locale = 'de';
    if (ws && id) {
      row = await this.contests.row(ws, id);
      timeZone = ws.timeZone;
      locale = ws.locale;
    } else {
      const found = token ? await this.repo.byToken(token) : null;
      row = found;
      timeZone = found?.time_zone ?? 'UTC';
    }
    if (!row) throw contestNotFound();
    const v = await this.verificationOf(row, timeZone, origin);
    if (!v.draw) throw notDrawn();
    return {
      cert: {
        ...v,
        verificationUrl: publicUrls(origin, row.public_token).verificationUrl,
        generatedAt: this.clock.now().toISOString(),
      },
      locale,
    };
  }

  private async verificationOf(
    row: ContestRow,
    timeZone: string,
    origin: string,
  ): Promise<Verification> {
    const urls = publicUrls(origin, row.public_token);
    const commitment = await this.repo.commitment(row.id);
    const draw = await this.repo.draw(row.id);
    const replacements = draw ? await this.repo.replacements(row.id) : [];
    const result = draw && commitment ? this.result(row, draw, replacements) : null;
    let recomputed: Verification['recomputed'] = null;
    if (draw && commitment) {
      const again = runDraw({
        tickets: commitment.tickets,
        secret: draw.secret,
        publicValue: draw.public_value,
        winners: draw.winners_count,
        alternates: draw.alternates_count,
      });
      recomputed = {
        listHashMatches: again.listHash === commitment.list_hash,
        secretHashMatches: again.secretHash === commitment.secret_hash,
        seed: again.seed,
        seedMatches: again.seed === draw.seed,
        order: again.order,
        orderMatches: again.order.join('\n') === draw.draw_order.join('\n'),
      };
    }
    return {
      contest: {
        title: row.title,
        organiser: row.organiser.name,
        entriesFrom: formatInZone(row.entries_from, timeZone),
        entriesUntil: formatInZone(row.entries_until, timeZone),
        timeZone,
        rulesUrl: urls.rulesUrl,
      },
      status: row.status,
      commitment: commitment ? publicCommitment(commitment) : null,
      eligible: commitment?.tickets ?? [],
      draw: result
        ? (({ drawnBy: _drop, ...rest }) => ({
            ...rest,
            replacements: rest.replacements.map(({ recordedBy: _r, ...x }) => x),
          }))(result)
        : null,
      recomputed,
      certificateUrl: result ? urls.certificateUrl : null,
      certificatePdfUrl: result ? urls.certificatePdfUrl : null,
    };
  }

  // ---- notifications ----

  async notifications(ws: WorkspaceWithRole, id: string): Promise<WinnerNotification[]> {
    await this.contests.row(ws, id);
    return (await this.repo.notifications(id)).map((n) => ({
      id: n.id,
      entrantId: n.pseudonym,
      kind: n.kind,
      platform: (n.platform ?? null) as Platform | null,
      postId: n.post_id,
      text: n.text,
      status: n.post_status === 'approved' ? 'approved' : 'draft',
      createdAt: formatInZone(n.created_at, ws.timeZone),
    }));
  }

  /**
   * A drafted message to a current winner: a draft post (for a reply: on the contest post's
   * channels) that goes through review like any post; nothing is sent from here.
   */
  async draftNotification(
    ws: WorkspaceWithRole,
    userId: string,
    id: string,
    body: { entrantId: string; kind: 'reply' | 'direct_message'; language?: Locale },
    origin: string,
  ): Promise<WinnerNotification> {
    const row = await this.contests.row(ws, id);
    const draw = await this.repo.draw(id);
    if (!draw) throw notDrawn();
    if (row.entrant_data_deleted_at) {
      throw new ContestError(
        'CONTEST_ENTRANT_DATA_DELETED',
        'The entrants’ data was deleted after the retention period.',
        { deletedAt: formatInZone(row.entrant_data_deleted_at, ws.timeZone) },
      );
    }
    const current = currentWinners(draw, await this.repo.replacements(id));
    const rank = current.indexOf(body.entrantId);
    if (rank === -1) {
      throw new ContestError('CONTEST_NOT_A_WINNER', 'This entrant is not a current winner.', {
        entrantId: body.entrantId,
      });
    }
    const entry = (await this.repo.entries(id)).find((e) => e.pseudonym === body.entrantId);
    const lang = body.language ?? ws.locale;
    const prize = prizeFor(row, rank) ?? row.title;
    const handle = entry?.handle ? `@${entry.handle}` : '';
    const text =
      lang === 'de'
        ? `${handle} Herzlichen Glückwunsch, Sie haben bei „${row.title}“ gewonnen: ${prize}! Bitte schicken Sie uns innerhalb von 7 Tagen eine Direktnachricht mit Ihrer Versandadresse. Die Auslosung können Sie hier nachprüfen: ${publicUrls(origin, row.public_token).verificationUrl}`
        : `${handle} Congratulations, you won “${row.title}”: ${prize}! Please send us a direct message with your postal address within 7 days. You can verify the draw here: ${publicUrls(origin, row.public_token).verificationUrl}`;
    const variants =
      body.kind === 'reply'
        ? (await this.repo.sources(id))
            .filter((s) => s.platform === entry?.platform)
            .map((s) => ({ channelId: s.channel_id, text: null }))
        : [];
    const created = await this.posts.create(
      { userId, workspace: ws },
      CreatePostRequestSchema.parse({
        title:
          lang === 'de'
            ? `Gewinnbenachrichtigung: ${row.title} (${body.entrantId})`
            : `Winner notification: ${row.title} (${body.entrantId})`,
        text: text.trim(),
        variants: [...new Map(variants.map((v) => [v.channelId, v])).values()],
        status: 'draft',
      }),
    );
    const nid = await this.repo.transaction(async (em) => {
      const nid = await this.repo.insertNotification(em, id, {
        pseudonym: body.entrantId,
        kind: body.kind,
        platform: entry?.platform ?? null,
        postId: created.id,
        text: text.trim(),
        userId,
        at: this.clock.now(),
      });
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.notification_drafted',
        subject: { type: 'contest', id },
        postId: created.id,
        after: { entrantId: body.entrantId, kind: body.kind },
      });
      return nid;
    });
    return (await this.notifications(ws, id)).find((n) => n.id === nid)!;
  }

  // ---- helpers ----

  private async rememberWinners(
    em: EntityManager,
    workspaceId: string,
    contestId: string,
    pseudonyms: readonly string[],
  ): Promise<void> {
    const entries = await this.repo.entries(contestId, em);
    const hashes = pseudonyms.flatMap((p) => {
      const key = entries.find((e) => e.pseudonym === p && e.person_key)?.person_key;
      return key ? [winnerHashOf(this.config.secretKey, workspaceId, key)] : [];
    });
    await this.repo.insertWinnerKeys(em, contestId, hashes);
  }

  private async state(row: ContestRow, timeZone: string): Promise<ContestDraw> {
    const commitment = await this.repo.commitment(row.id);
    const draw = await this.repo.draw(row.id);
    const replacements = draw ? await this.repo.replacements(row.id) : [];
    return {
      commitment: commitment
        ? {
            ...publicCommitment(commitment),
            committedAt: formatInZone(commitment.committed_at, timeZone),
            committedBy: commitment.committed_by
              ? { id: commitment.committed_by, name: commitment.committed_by_name ?? '' }
              : null,
          }
        : null,
      result: draw ? this.result(row, draw, replacements) : null,
    };
  }

  private result(row: ContestRow, draw: DrawRow, replacements: ReplacementRow[]): DrawResult {
    const labels = draw.labels;
    const entrant = (p: string, rank: number, prize: string | null): DrawnEntrant => ({
      rank,
      entrantId: p,
      maskedHandle: labels[p]?.masked ?? '—',
      platform: labels[p]?.platform ?? null,
      prize,
    });
    const winners = draw.draw_order.slice(0, draw.winners_count);
    const alternates = draw.draw_order.slice(draw.winners_count);
    const current = currentWinners(draw, replacements);
    return {
      drawnAt: draw.drawn_at.toISOString(),
      drawnBy: draw.drawn_by ? { id: draw.drawn_by, name: draw.drawn_by_name ?? '' } : null,
      algorithm: DRAW_ALGORITHM,
      secret: draw.secret,
      publicValue: draw.public_value,
      publicValueBy: draw.public_value_by,
      seed: draw.seed,
      order: draw.draw_order,
      winners: winners.map((p, i) => entrant(p, i + 1, prizeFor(row, i))),
      alternates: alternates.map((p, i) => entrant(p, winners.length + i + 1, null)),
      currentWinners: current.map((p, i) =>
        entrant(p, draw.draw_order.indexOf(p) + 1, prizeFor(row, i)),
      ),
      replacements: replacements.map((r) => ({
        at: r.recorded_at.toISOString(),
        replacedEntrantId: r.replaced_pseudonym,
        byEntrantId: r.by_pseudonym,
        reason: r.reason,
        recordedBy: r.recorded_by ? { id: r.recorded_by, name: r.recorded_by_name ?? '' } : null,
      })),
    };
  }
}

/** Winners after the replacements, in order: each replacement takes its winner's place. */
export function currentWinners(draw: DrawRow, replacements: readonly ReplacementRow[]): string[] {
  const current = draw.draw_order.slice(0, draw.winners_count);
  for (const r of replacements) {
    const i = current.indexOf(r.replaced_pseudonym);
    if (i !== -1) current[i] = r.by_pseudonym;
  }
  return current;
}

/** The prize of the winner at 0-based place `index`: prizes in order, each `quantity` times. */
function prizeFor(row: ContestRow, index: number): string | null {
  let n = index;
  for (const p of row.prizes) {
    if (n < p.quantity) return p.name;
    n -= p.quantity;
  }
  return null;
}

function publicCommitment(c: CommitmentRow): Omit<Commitment, 'committedBy'> {
  return {
    committedAt: c.committed_at.toISOString(),
    algorithm: DRAW_ALGORITHM,
    rulesVersion: c.rules_version,
    rulesHash: c.rules_hash,
    eligibleCount: c.eligible_count,
    entrantCount: c.entrant_count,
    excludedCount: c.excluded_count,
    entryCount: c.entry_count,
    listHash: c.list_hash,
    secretHash: c.secret_hash,
  };
}

function alreadyDrawn(draw: DrawRow | null): ContestError<'CONTEST_ALREADY_DRAWN'> {
  return new ContestError(
    'CONTEST_ALREADY_DRAWN',
    'This contest has been drawn. There is no second draw; replace a winner with an alternate instead.',
    { drawnAt: draw?.drawn_at.toISOString() ?? '' },
  );
}

function notDrawn(): ContestError<'CONTEST_NOT_DRAWN'> {
  return new ContestError('CONTEST_NOT_DRAWN', 'The contest has not been drawn yet.');
}

function pdfUnavailable(path: string): ContestError<'PDF_RENDERER_UNAVAILABLE'> {
  return new ContestError(
    'PDF_RENDERER_UNAVAILABLE',
    'The PDF certificate needs chromium on the server (apt-get install chromium, or set CHROMIUM_PATH). The HTML certificate works without it.',
    { chromiumPath: path },
  );
}
