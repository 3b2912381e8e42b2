import { type Contest, type ContestPhase, type RulesVersion } from '@postplan/contracts';
import { formatInZone } from '@postplan/domain';
import { type Counts } from './contest-entrants';
import { type ContestRow, type RulesRow } from './contests.repository';

/** The web app's public pages of a contest (see docs/contests.md). */
export function publicUrls(origin: string, token: string) {
  const base = origin.replace(/\/+$/, '');
  return {
    rulesUrl: `${base}/c/${token}/rules`,
    verificationUrl: `${base}/c/${token}/verify`,
    certificateUrl: `${base}/api/v1/public/contests/${token}/certificate.html`,
    certificatePdfUrl: `${base}/api/v1/public/contests/${token}/certificate.pdf`,
  };
}

export function phaseOf(
  row: Pick<ContestRow, 'entries_from' | 'entries_until'>,
  now: Date,
): ContestPhase {
  if (now < row.entries_from) return 'upcoming';
  return now < row.entries_until ? 'running' : 'ended';
}

export function toContest(
  row: ContestRow,
  ctx: { timeZone: string; now: Date; origin: string; counts: Counts },
): Contest {
  const urls = publicUrls(ctx.origin, row.public_token);
  return {
    id: row.id,
    version: row.version,
    campaignId: row.campaign_id,
    title: row.title,
    description: row.description,
    status: row.status,
    phase: phaseOf(row, ctx.now),
    prizes: row.prizes,
    winnersCount: row.prizes.reduce((n, p) => n + p.quantity, 0),
    alternatesCount: row.alternates_count,
    entriesFrom: formatInZone(row.entries_from, ctx.timeZone),
    entriesUntil: formatInZone(row.entries_until, ctx.timeZone),
    timeZone: ctx.timeZone,
    entryMethods: row.entry_methods,
    eligibility: row.eligibility,
    organiser: row.organiser,
    retentionDays: row.retention_days,
    postIds: row.post_ids,
    rulesVersion: row.rules_version,
    publicToken: row.public_token,
    rulesUrl: urls.rulesUrl,
    verificationUrl: urls.verificationUrl,
    counts: ctx.counts,
    entrantDataDeletedAt: row.entrant_data_deleted_at
      ? formatInZone(row.entrant_data_deleted_at, ctx.timeZone)
      : null,
    createdAt: formatInZone(row.created_at, ctx.timeZone),
    updatedAt: formatInZone(row.updated_at, ctx.timeZone),
  };
}

export function toRulesVersion(r: RulesRow, timeZone: string): RulesVersion {
  return {
    version: r.version,
    de: r.de,
    en: r.en,
    generated: r.generated,
    hash: r.hash,
    createdAt: formatInZone(r.created_at, timeZone),
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
  };
}
