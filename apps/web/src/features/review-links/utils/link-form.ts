import {
  REVIEW_LINK_LABEL_MAX,
  type CreateReviewLinkRequest,
  type ReviewLinkPermission,
} from '@postplan/contracts';
import { LINK_MAX_PERIOD_DAYS } from '@postplan/domain';

/** The longest a link may live is 180 days; the last day offered ends well inside it. */
export const MAX_EXPIRY_DAYS = 179;
export const DEFAULT_EXPIRY_DAYS = 30;
const MIN_PASSWORD = 10;

export type LinkForm = {
  label: string;
  permission: ReviewLinkPermission;
  usePeriod: boolean;
  /** Days (YYYY-MM-DD) in the workspace's zone; `to` is inclusive, as people say it. */
  from: string;
  to: string;
  useChannels: boolean;
  channelIds: string[];
  usePosts: boolean;
  postIds: string[];
  /** The last day (inclusive) the link works, in the workspace's zone. */
  expiresOn: string;
  password: string;
};

export type LinkFormField =
  'label' | 'scope' | 'period' | 'channels' | 'posts' | 'expiresOn' | 'password';

export type LinkFormErrors = Partial<Record<LinkFormField, LinkFormErrorKey>>;

export type LinkFormErrorKey =
  | 'reviewLinks.error.label'
  | 'reviewLinks.error.scope'
  | 'reviewLinks.error.period'
  | 'reviewLinks.error.channels'
  | 'reviewLinks.error.allChannels'
  | 'reviewLinks.error.posts'
  | 'reviewLinks.error.expiry'
  | 'reviewLinks.error.password';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar arithmetic on plain days; no time zone can shift them. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today as a day in the given zone (the workspace's), whatever the browser's zone is. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function emptyLinkForm(today: string): LinkForm {
  return {
    label: '',
    permission: 'approve',
    usePeriod: true,
    from: today,
    to: addDays(today, 30),
    useChannels: false,
    channelIds: [],
    usePosts: false,
    postIds: [],
    expiresOn: addDays(today, DEFAULT_EXPIRY_DAYS),
    password: '',
  };
}

export type LinkFormResult =
  { ok: true; request: CreateReviewLinkRequest } | { ok: false; errors: LinkFormErrors };

/**
 * The form as the API wants it, or what a person has to fix. The period's last day is
 * inclusive on screen and becomes the exclusive bound of the next day; the link works until
 * the end of its last day.
 */
export function toCreateRequest(
  form: LinkForm,
  today: string,
  /** How many channels the workspace has: every one of them alone is the whole workspace. */
  channelCount = Infinity,
): LinkFormResult {
  const errors: LinkFormErrors = {};
  const label = form.label.trim();
  if (label.length === 0 || label.length > REVIEW_LINK_LABEL_MAX) {
    errors.label = 'reviewLinks.error.label';
  }
  if (!form.usePeriod && !form.useChannels && !form.usePosts) {
    errors.scope = 'reviewLinks.error.scope';
  }
  if (
    form.usePeriod &&
    (!DAY.test(form.from) ||
      !DAY.test(form.to) ||
      form.to < form.from ||
      // `to` is the last day shown; the link ends at the start of the next one.
      addDays(form.to, 1) > addDays(form.from, LINK_MAX_PERIOD_DAYS))
  ) {
    errors.period = 'reviewLinks.error.period';
  }
  if (form.useChannels && form.channelIds.length === 0)
    errors.channels = 'reviewLinks.error.channels';
  else if (
    form.useChannels &&
    !form.usePeriod &&
    !form.usePosts &&
    new Set(form.channelIds).size >= channelCount
  )
    errors.channels = 'reviewLinks.error.allChannels';
  if (form.usePosts && form.postIds.length === 0) errors.posts = 'reviewLinks.error.posts';
  if (
    !DAY.test(form.expiresOn) ||
    form.expiresOn < today ||
    form.expiresOn > addDays(today, MAX_EXPIRY_DAYS)
  ) {
    errors.expiresOn = 'reviewLinks.error.expiry';
  }
  if (form.password !== '' && form.password.length < MIN_PASSWORD) {
    errors.password = 'reviewLinks.error.password';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      label,
      permission: form.permission,
      scope: {
        ...(form.usePeriod ? { from: form.from, to: addDays(form.to, 1) } : {}),
        ...(form.useChannels ? { channelIds: form.channelIds } : {}),
        ...(form.usePosts ? { postIds: form.postIds } : {}),
      },
      expiresAt: `${form.expiresOn}T23:59`,
      ...(form.password ? { password: form.password } : {}),
    },
  };
}

/** The day before an exclusive end: what the list shows as "until". */
export function inclusiveEnd(exclusiveEnd: string): string {
  return addDays(exclusiveEnd.slice(0, 10), -1);
}

export function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}
