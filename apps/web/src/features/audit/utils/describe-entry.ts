import { ROLES, type AuditEntry, type PostStatus, type Role } from '@postplan/contracts';
import { isKnownErrorCode } from '../../../lib/api/api-error';
import { ERROR_MESSAGE_KEYS } from '../../../lib/i18n/error-message';
import { type MessageParams, type Translate, who } from '../../../lib/i18n/translate';

export type DescribeContext = {
  t: Translate;
  /** A member's name by user id, for the people an entry names (reviewers asked). */
  nameOf: (userId: string) => string | null;
  /** The name of level `index` in review round `round`, when it is known and worth saying. */
  levelName: (round: number, index: number) => string | null;
  /** An instant in the workspace's zone. */
  when: (iso: string) => string;
  /** A channel's name by id, for publishing attempts; without it they say "a channel". */
  channelName?: (channelId: string) => string | null;
  /** The signed-in user: their own entries read "Du hast …" / "You …". */
  userId?: string | null;
};

export type EntryDescription = { text: string; note: string | null };

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

const STATUSES: readonly string[] = [
  'idea',
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'approval_expired',
];
const isStatus = (value: unknown): value is PostStatus =>
  typeof value === 'string' && STATUSES.includes(value);
const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Who did it, as a person reads it: the member, "Name (via link 'label')", or the system. */
export function actorName(entry: AuditEntry, t: Translate): string {
  switch (entry.actor.type) {
    case 'system':
      return t('history.system');
    case 'link':
      if (entry.actor.viaLink)
        return t('comments.viaLink', {
          name: entry.actor.viaLink.visitorName,
          label: entry.actor.viaLink.label,
        });
      return entry.actor.name ?? t('history.someone');
    case 'user':
    case 'anonymous':
      return entry.actor.name ?? t('history.someone');
  }
}

/** One readable sentence for an audit entry, plus the note someone wrote with it. */
export function describeEntry(entry: AuditEntry, ctx: DescribeContext): EntryDescription {
  const { t } = ctx;
  const name = actorName(entry, t);
  const person = {
    name,
    who: who(entry.actor.type === 'user' && !!ctx.userId && entry.actor.userId === ctx.userId),
  };
  const after = obj(entry.after);
  const before = obj(entry.before);
  const note = entry.reason?.trim() ? entry.reason.trim() : (str(after.note) ?? null);
  const plain = (text: string): EntryDescription => ({ text, note: null });
  const withNote = (text: string): EntryDescription => ({ text, note });

  switch (entry.action) {
    case 'post.created':
      return plain(t('history.created', person));
    case 'post.content_changed':
      return plain(t('history.contentChanged', person));
    case 'post.moved': {
      if (entry.reason === 'publish_now') return plain(t('history.publishNow', person));
      const at = str(after.plannedAt);
      return plain(
        at ? t('history.moved', { ...person, when: ctx.when(at) }) : t('history.unplanned', person),
      );
    }
    case 'post.retagged':
      return plain(t('history.retagged', person));
    case 'post.deleted':
      return plain(t('history.deleted', person));
    case 'post.restored':
      return plain(t('history.restored', person));
    case 'post.status_changed':
      return withNote(statusSentence(person, before.status, after.status, after.reason, t));
    case 'post.decision_recorded': {
      const round = num(after.round);
      const index = num(after.level);
      // Decisions recorded since levels were named in the log carry the name the round froze;
      // older ones are named from the current round.
      const level =
        str(after.levelName) ??
        (round !== null && index !== null ? ctx.levelName(round, index) : null);
      const approve = after.decision === 'approve';
      const text = level
        ? t(approve ? 'history.approvedByLevel' : 'history.changesByLevel', { ...person, level })
        : t(approve ? 'history.approvedBy' : 'history.changesBy', person);
      return withNote(text);
    }
    case 'post.review_round_started':
      return plain(t('history.roundStarted', { round: num(after.round) ?? '?' }));
    case 'post.reviewers_requested': {
      if (after.client === true) return plain(t('history.reviewersClient'));
      const ids = Array.isArray(after.userIds)
        ? after.userIds.filter((x) => typeof x === 'string')
        : [];
      const names = ids.map((id) => ctx.nameOf(id) ?? t('history.someone'));
      return plain(t('history.reviewersRequested', { names: names.join(', ') }));
    }
    case 'post.decisions_voided':
      return plain(t('history.decisionsVoided'));
    case 'post.approval_voided':
      return plain(
        after.reason === 'withdrawn' ? t('history.approvalWithdrawn') : t('history.approvalVoided'),
      );
    case 'post.approval_granted':
      return plain(t('history.approvalGranted'));
    case 'post.pause_decision':
      return withNote(t('history.pauseDecision', person));
    case 'access.denied': {
      const code = after.code;
      if (!isKnownErrorCode(code) && isRole(after.required)) {
        return plain(t('audit.deniedRole', { ...person, role: t(`role.${after.required}`) }));
      }
      const reason = isKnownErrorCode(code) ? t(ERROR_MESSAGE_KEYS[code]) : (entry.reason ?? '');
      return plain(t('history.denied', { ...person, reason }));
    }
    case 'auth.login':
      return plain(t('audit.login', person));
    case 'auth.login_failed':
      return plain(t('audit.loginFailed', person));
    case 'review_link.created':
      return plain(t('audit.linkCreated', person));
    case 'review_link.revoked':
      return plain(t('audit.linkRevoked', person));
    case 'review_link.unlocked':
      return plain(t('audit.linkUnlocked', person));
    case 'review_link.unlock_failed':
      return plain(t('audit.linkUnlockFailed', person));
    case 'wording.settings_changed':
      return plain(t('audit.wordingChanged', person));
    case 'wording.words_added':
      return plain(t('audit.wordsAdded', person));
    case 'comment.created':
      return plain(t('history.commented', person));
    case 'comment.edited':
      return plain(t('history.commentEdited', person));
    case 'comment.deleted':
      return plain(t('history.commentDeleted', person));
    case 'comment.resolved':
      return plain(t('history.commentResolved', person));
    case 'comment.reopened':
      return plain(t('history.commentReopened', person));
    case 'comment.suggestion_accepted':
      return plain(t('history.suggestionAccepted', person));
    case 'comment.suggestion_dismissed':
      return plain(t('history.suggestionDismissed', { name }));
    case 'publication.attempted':
    case 'publication.reconciled':
    case 'publication.confirm':
    case 'publication.publish_again':
    case 'publication.retry':
    case 'publication.skip':
      return withNote(publicationSentence(entry.action, person, after, ctx));
      return plain(t('history.suggestionDismissed', person));
    case 'workspace.approval_policy_changed':
      return plain(t('audit.policyChanged', person));
    default:
      return withNote(t('history.other', { ...person, action: entry.action }));
  }
}

/** One publishing attempt, a check with the platform, or a person's decision, per channel. */
function publicationSentence(
  action: string,
  person: MessageParams,
  after: Json,
  ctx: DescribeContext,
): string {
  const { t } = ctx;
  const id = str(after.channelId);
  const channel = (id && ctx.channelName?.(id)) || t('history.publication.someChannel');
  const outcome = str(after.outcome);
  const error = obj(after.error);
  const reason = str(error.message) ?? '';
  switch (action) {
    case 'publication.attempted': {
      const attempt = num(after.attempt) ?? '?';
      switch (outcome) {
        case 'published':
          return t('history.publication.published', { attempt, channel });
        case 'failed':
          return t('history.publication.failed', { attempt, channel, reason });
        case 'unconfirmed':
          return t('history.publication.unconfirmed', { attempt, channel });
        case 'pending':
          return t('history.publication.retrying', { attempt, channel, reason });
        case 'missed':
          return t('history.publication.missed', { channel });
        default:
          return t('history.publication.attempted', { attempt, channel });
      }
    }
    case 'publication.reconciled':
      return outcome === 'published'
        ? t('history.publication.reconciledOnline', { channel })
        : t('history.publication.reconciledAbsent', { channel });
    case 'publication.confirm':
      return t('history.publication.confirmed', { ...person, channel });
    case 'publication.publish_again':
      return t('history.publication.publishedAgain', { ...person, channel });
    case 'publication.retry':
      return t('history.publication.retried', { ...person, channel });
    default:
      return t('history.publication.skipped', { ...person, channel });
  }
}

function statusSentence(
  person: { name: string; who: 'you' | 'other' },
  from: unknown,
  to: unknown,
  reason: unknown,
  t: Translate,
): string {
  switch (reason) {
    case 'submitted':
      return t('history.submitted', person);
    case 'promoted':
      return t('history.promoted', person);
    case 'withdrawn':
      return t('history.withdrawn', person);
    case 'reopened':
      return t('history.reopened', person);
    case 'approved':
      return t('history.nowApproved');
    case 'released_without_review':
      return t('history.released');
    case 'changes_requested':
      return t('history.nowChangesRequested');
    case 'planned_time_reached':
      return t('history.expired');
    case 'content_changed':
      if (to === 'in_review') return t('history.backInReview');
      if (to === 'draft') return t('history.backToDraft');
      if (to === 'approved') return t('history.released');
      break;
  }
  const label = (s: unknown) => (isStatus(s) ? t(`status.${s}`) : String(s));
  return t('history.status', { from: label(from), to: label(to) });
}

/** Entries that only spell out what the one before them did (a round starting after a submit). */
const FOLLOW_UPS = new Set([
  'post.review_round_started',
  'post.reviewers_requested',
  'post.approval_granted',
  'post.approval_voided',
  'post.decisions_voided',
]);
const CAUSES = new Set(['post.decision_recorded', 'post.content_changed']);
const SAME_REQUEST_MS = 10_000;

const sameActor = (a: AuditEntry, b: AuditEntry) =>
  a.actor.type === b.actor.type &&
  a.actor.userId === b.actor.userId &&
  a.actor.linkId === b.actor.linkId;

export type EntryGroup = { main: AuditEntry; details: AuditEntry[] };

/**
 * Groups one request's entries (oldest first) under the one a person would name: "Ben approved"
 * with "status: approved" and "approval bound to this content" beneath it.
 */
export function groupEntries(entries: readonly AuditEntry[]): EntryGroup[] {
  const groups: EntryGroup[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    const close =
      last !== undefined &&
      sameActor(last.main, entry) &&
      Math.abs(Date.parse(entry.at) - Date.parse(last.main.at)) <= SAME_REQUEST_MS;
    const followUp =
      FOLLOW_UPS.has(entry.action) ||
      (entry.action === 'post.status_changed' &&
        last !== undefined &&
        CAUSES.has(last.main.action));
    if (close && followUp && last) last.details.push(entry);
    else groups.push({ main: entry, details: [] });
  }
  return groups;
}
