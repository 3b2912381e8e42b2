import {
  type ImportField,
  type ImportIssue,
  type ImportIssueCode,
  type ImportMappingSchema,
  type ImportReport,
  type ImportRowOutcome,
  MAX_ALT_TEXT_LENGTH,
  MAX_MEDIA_PER_POST,
  MAX_TAGS,
  MAX_TEXT_LENGTH,
  type Platform,
  PLATFORMS,
  TagSchema,
} from '@postplan/contracts';
import { formatInZone, measureText, resolveLocal } from '@postplan/domain';
import { type z } from 'zod';
import { type Cell, type ImportTable } from './import-file';
import { HEADINGS, unneutralise } from './spreadsheet-format';

type Mapping = z.output<typeof ImportMappingSchema>;

export type ImportChannel = {
  id: string;
  name: string;
  platform: Platform;
  character_limit: number | null;
};

/** A campaign of the workspace, which a row may name. */
export type ImportCampaign = { id: string; name: string };

/** An image a row names: fetched (or found in the media library) when the import runs. */
export type ImportImage = { url: string; altText: string | null; row: number; column: string };

/** A post the import would create. */
export type ImportDraft = {
  key: string;
  status: 'idea' | 'draft';
  title: string;
  text: string;
  plannedAt: Date | null;
  tags: string[];
  /** The post's images: those of its first row. */
  media: ImportImage[];
  /** `media` null: the channel shows the post's images; a list: its own (a row that differs). */
  variants: { channelId: string; text: string | null; media: ImportImage[] | null }[];
  /** The campaign its first row names; null: none. */
  campaignId: string | null;
};

const MAX_IMAGE_URL_LENGTH = 2_048;

/**
 * Whether a cell's address may be fetched at all: http or https, a host, no user name or
 * password (an import never logs in anywhere). Where it points is checked when the import
 * fetches it (after DNS, against the same rules as webhooks); the dry run fetches nothing.
 */
export function imageUrlProblem(text: string): string | null {
  if (text.length > MAX_IMAGE_URL_LENGTH) {
    return `An image URL has at most ${MAX_IMAGE_URL_LENGTH} characters.`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text.slice(0, 80)}" is not a URL such as https://example.com/bild.jpg.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `An image URL starts with https:// or http:// (this one with ${url.protocol}//).`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'An image URL must not contain a user name or password.';
  }
  if (url.hostname === '') return 'The image URL names no host.';
  return null;
}

/**
 * A cell's images: URLs separated by line breaks or spaces (a URL holds neither), each with
 * the alt text of the same line of the alt-text cell; a single image takes the whole cell.
 */
export function splitImages(
  urlCell: string,
  altCell: string,
): { url: string; altText: string | null }[] {
  const urls = urlCell.split(/\s+/).filter(Boolean);
  if (urls.length === 1) return [{ url: urls[0]!, altText: altCell.trim() || null }];
  const alts = altCell.split(/\r?\n/);
  return urls.map((url, i) => ({ url, altText: alts[i]?.trim() || null }));
}

const normalise = (h: string) =>
  h
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Headings that name each field: the export's own (English, German and the machine names) and
 * those of the bulk formats of the common schedulers (Buffer, Hootsuite, Later, Publer, Meta).
 */
const SYNONYMS: Record<ImportField, string[]> = {
  post_id: ['post id', 'post_id', 'beitrags id', 'id'],
  planned: [
    'planned',
    'geplant',
    'planned at',
    'date time',
    'datetime',
    'publish date',
    'scheduled at',
    'scheduled time',
    'posting time',
    'publish at',
    'veroffentlichung',
    'zeitpunkt',
  ],
  date: ['date', 'datum', 'publish day', 'day', 'tag'],
  time: ['time', 'uhrzeit', 'zeit', 'hour'],
  utc_offset: ['utc offset', 'utc versatz', 'offset', 'timezone offset'],
  title: ['title', 'titel', 'headline', 'uberschrift', 'name'],
  text: [
    'text',
    'message',
    'content',
    'post',
    'caption',
    'body',
    'nachricht',
    'inhalt',
    'beitrag',
    'post text',
  ],
  channel_text: ['channel text', 'kanaltext', 'variant', 'variant text'],
  link: ['link', 'url', 'link url', 'website'],
  image_url: [
    'image url',
    'image urls',
    'image',
    'image link',
    'media url',
    'media urls',
    'media',
    'photo url',
    'picture url',
    'bild',
    'bild url',
    'bild link',
    'foto url',
    'picture',
  ],
  alt_text: [
    'alt text',
    'alt',
    'alternative text',
    'alternativtext',
    'image alt text',
    'image description',
    'bildbeschreibung',
    'bild beschreibung',
  ],
  channel: [
    'channel',
    'kanal',
    'profile',
    'profil',
    'network',
    'account',
    'social network',
    'platform channel',
  ],
  tags: ['tags', 'schlagworter', 'labels', 'hashtags tags'],
  campaign: ['campaign', 'kampagne', 'campaign name', 'kampagnenname'],
  status: ['status'],
};

/** The mapping the file's headings suggest; each column at most once, exact names first. */
export function suggestMapping(headers: string[]): Mapping {
  const columns: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  const names = headers.map(normalise);
  const fields = Object.keys(SYNONYMS) as ImportField[];
  // The export's own headings win outright.
  for (const lang of ['en', 'de'] as const) {
    for (const field of fields) {
      if (columns[field] !== undefined) continue;
      const own = HEADINGS[lang][field as keyof (typeof HEADINGS)['en']];
      if (!own) continue;
      const i = names.indexOf(normalise(own));
      if (i >= 0 && !used.has(i)) {
        columns[field] = i;
        used.add(i);
      }
    }
  }
  for (const field of fields) {
    if (columns[field] !== undefined) continue;
    for (const synonym of SYNONYMS[field]) {
      const i = names.findIndex((n, idx) => !used.has(idx) && n === normalise(synonym));
      if (i >= 0) {
        columns[field] = i;
        used.add(i);
        break;
      }
    }
  }
  // "Platform" is the export's own column; it never means the channel when a channel column exists.
  return { columns, dateOrder: 'dmy' };
}

type Local = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

type Problem = { code: ImportIssueCode; message: string };

const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_DOTS = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const DATE_SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i;
const OFFSET = /^(?:UTC|GMT)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

function parseDatePart(
  text: string,
  order: Mapping['dateOrder'],
): Omit<Local, 'hour' | 'minute' | 'second'> | null {
  let m = DATE_ISO.exec(text);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]! };
  m = DATE_DOTS.exec(text);
  const year = (y: string) => (y.length === 2 ? 2000 + +y : +y);
  if (m) return { year: year(m[3]!), month: +m[2]!, day: +m[1]! };
  m = DATE_SLASH.exec(text);
  if (m) {
    return order === 'mdy'
      ? { year: year(m[3]!), month: +m[1]!, day: +m[2]! }
      : { year: year(m[3]!), month: +m[2]!, day: +m[1]! };
  }
  return null;
}

function parseTimePart(text: string): { hour: number; minute: number; second: number } | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  let hour = +m[1]!;
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  return { hour, minute: +m[2]!, second: +(m[3] ?? 0) };
}

function fromDateCell(d: Date): Local {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function validLocal(l: Local): boolean {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day));
  return (
    d.getUTCFullYear() === l.year &&
    d.getUTCMonth() + 1 === l.month &&
    d.getUTCDate() === l.day &&
    l.hour < 24 &&
    l.minute < 60 &&
    l.second < 60
  );
}

/** "2026-10-25 02:30", "2026-10-25T02:30+01:00", "25.10.2026 02:30", "10/25/2026 2:30 PM". */
export function parseLocalDateTime(
  text: string,
  order: Mapping['dateOrder'],
): { local: Local; offset: string | null } | null {
  const t = text.trim();
  const iso =
    /^(\d{4}-\d{1,2}-\d{1,2})[T ](\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      t,
    );
  if (iso) {
    const date = parseDatePart(iso[1]!, order);
    const time = parseTimePart(iso[2]!);
    if (!date || !time) return null;
    return { local: { ...date, ...time }, offset: iso[3] ?? null };
  }
  const [datePart, ...rest] = t.split(/\s+/);
  const date = datePart ? parseDatePart(datePart, order) : null;
  if (!date) return null;
  const timeText = rest.join(' ');
  const time = timeText ? parseTimePart(timeText) : { hour: 0, minute: 0, second: 0 };
  if (!time) return null;
  return { local: { ...date, ...time }, offset: null };
}

export function parseOffset(text: string): number | null {
  const m = OFFSET.exec(text.trim());
  if (!m) return null;
  const v = m[1]!;
  if (v.toUpperCase() === 'Z') return 0;
  const sign = v.startsWith('-') ? -1 : 1;
  const digits = v.slice(1).replace(':', '');
  const hours = +digits.slice(0, 2);
  const minutes = +(digits.slice(2, 4) || 0);
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const showLocal = (l: Local) =>
  `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}`;

/** A wall-clock time in the zone, checked against the zone's rules (or pinned by an offset). */
export function resolveImportTime(
  local: Local,
  offsetMinutes: number | null,
  timeZone: string,
): { instant: Date } | Problem {
  if (!validLocal(local)) {
    return { code: 'INVALID_DATE', message: `${showLocal(local)} is not a valid date and time.` };
  }
  const wall = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  if (offsetMinutes !== null) return { instant: new Date(wall - offsetMinutes * 60_000) };
  const r = resolveLocal({ ...local, millisecond: 0 }, timeZone);
  switch (r.kind) {
    case 'exact':
      return { instant: r.instant };
    case 'nonexistent':
      return {
        code: 'LOCAL_TIME_DOES_NOT_EXIST',
        message: `${showLocal(local)} does not exist in ${timeZone}: the clocks skip it. The next valid time is ${formatInZone(r.nextValid, timeZone)}.`,
      };
    case 'ambiguous':
      return {
        code: 'LOCAL_TIME_AMBIGUOUS',
        message: `${showLocal(local)} happens twice in ${timeZone}; add a UTC offset column: ${formatInZone(r.earlier, timeZone)} or ${formatInZone(r.later, timeZone)}.`,
      };
  }
}

const PLATFORM_ALIASES: Record<string, Platform> = {
  twitter: 'x',
  'twitter x': 'x',
  'x twitter': 'x',
  fb: 'facebook',
  ig: 'instagram',
  'linked in': 'linkedin',
  bsky: 'bluesky',
};

/** Finds a channel by name, id, or a platform the workspace has exactly one channel on. */
export function channelMatcher(channels: ImportChannel[]): (value: string) => ImportChannel | null {
  const byName = new Map(channels.map((c) => [normalise(c.name), c]));
  const byId = new Map(channels.map((c) => [c.id.toLowerCase(), c]));
  const byPlatform = new Map<Platform, ImportChannel[]>();
  for (const c of channels) byPlatform.set(c.platform, [...(byPlatform.get(c.platform) ?? []), c]);
  return (value) => {
    const v = value.trim();
    const n = normalise(v);
    const hit = byName.get(n) ?? byId.get(v.toLowerCase());
    if (hit) return hit;
    const platform =
      PLATFORM_ALIASES[n] ??
      (PLATFORMS as readonly string[]).find((p) => p === n.replace(/ /g, ''));
    const onPlatform = platform ? byPlatform.get(platform as Platform) : undefined;
    return onPlatform?.length === 1 ? onPlatform[0]! : null;
  };
}

/**
 * Finds a campaign by its name (trimmed, whatever the case; what the export writes) or its id.
 * Two campaigns of the same name cannot be told apart by it: `ambiguous`, and the id decides.
 */
export function campaignMatcher(
  campaigns: ImportCampaign[],
): (value: string) => ImportCampaign | 'ambiguous' | null {
  const key = (name: string) => name.trim().toLocaleLowerCase('de');
  const byName = new Map<string, ImportCampaign | 'ambiguous'>();
  for (const c of campaigns) byName.set(key(c.name), byName.has(key(c.name)) ? 'ambiguous' : c);
  const byId = new Map(campaigns.map((c) => [c.id.toLowerCase(), c]));
  return (value) => byName.get(key(value)) ?? byId.get(value.trim().toLowerCase()) ?? null;
}

const cellText = (c: Cell | undefined): string =>
  c === undefined ? '' : typeof c === 'string' ? unneutralise(c) : c.toISOString();

export type Validation = { report: ImportReport; drafts: ImportDraft[] };

/**
 * Reads every row with the mapping and decides about each: which post it becomes, and every
 * problem with its row and column. Nothing here touches the database; the dry run and the
 * import both start from this, so what the dry run promised is what the import does.
 */
export function validateImport(
  table: ImportTable,
  mapping: Mapping,
  channels: ImportChannel[],
  timeZone: string,
  campaigns: ImportCampaign[] = [],
): Validation {
  const col = mapping.columns;
  const heading = (field: ImportField) =>
    col[field] === undefined ? null : (table.headers[col[field]] ?? `#${col[field] + 1}`);
  const get = (cells: Cell[], field: ImportField): Cell | undefined =>
    col[field] === undefined ? undefined : cells[col[field]];
  const findChannel = channelMatcher(channels);
  const findCampaign = campaignMatcher(campaigns);
  const issues: ImportIssue[] = [];
  const outcomes: ImportRowOutcome[] = [];
  const drafts = new Map<string, ImportDraft & { firstRow: number; failed: boolean }>();
  const issue = (
    row: number,
    field: ImportField | null,
    p: Problem,
    severity: 'error' | 'warning' = 'error',
  ) =>
    issues.push({
      row,
      column: field ? heading(field) : null,
      code: p.code,
      severity,
      message: p.message,
    });

  for (const { line, cells } of table.rows) {
    const before = issues.filter((i) => i.severity === 'error').length;
    const idText = cellText(get(cells, 'post_id')).trim();
    const key = idText || `row:${line}`;
    const existing = drafts.get(key);

    // When
    let plannedAt: Date | null = existing?.plannedAt ?? null;
    if (!existing) {
      const when = readWhen(cells, mapping, get, timeZone);
      if ('code' in when) issue(line, when.field, when);
      else plannedAt = when.instant;
    }

    // What
    let text = cellText(get(cells, 'text'));
    const channelText = cellText(get(cells, 'channel_text'));
    const link = cellText(get(cells, 'link')).trim();
    if (!text && channelText && col.text === undefined) text = channelText;
    if (link && !text.includes(link)) text = text ? `${text}\n\n${link}` : link;
    if (!existing && !text.trim()) {
      issue(line, col.text !== undefined ? 'text' : 'channel_text', {
        code: 'TEXT_MISSING',
        message: 'The row has no text.',
      });
    }
    if (text.length > MAX_TEXT_LENGTH) {
      issue(line, 'text', {
        code: 'TEXT_TOO_LONG',
        message: `The text is longer than ${MAX_TEXT_LENGTH} characters.`,
      });
    }
    const title = cellText(get(cells, 'title')).trim();
    if (title.length > 200) {
      issue(line, 'title', {
        code: 'TITLE_TOO_LONG',
        message: 'A title has at most 200 characters.',
      });
    }
    const tags: string[] = [];
    for (const raw of cellText(get(cells, 'tags')).split(/[,;]/)) {
      const t = raw.trim().replace(/^#/, '');
      if (!t) continue;
      const parsed = TagSchema.safeParse(t);
      if (!parsed.success) {
        issue(line, 'tags', {
          code: 'INVALID_TAG',
          message: `"${t}" is not a valid tag (1–40 characters).`,
        });
      } else if (!tags.includes(parsed.data)) tags.push(parsed.data);
    }
    if (tags.length > MAX_TAGS) {
      issue(line, 'tags', { code: 'INVALID_TAG', message: `A post has at most ${MAX_TAGS} tags.` });
    }
    const images: ImportImage[] = [];
    const imageCell = cellText(get(cells, 'image_url')).trim();
    if (imageCell) {
      for (const image of splitImages(imageCell, cellText(get(cells, 'alt_text')))) {
        const problem = imageUrlProblem(image.url);
        if (problem) {
          issue(line, 'image_url', { code: 'IMAGE_URL_INVALID', message: problem });
          continue;
        }
        if (image.altText !== null && image.altText.length > MAX_ALT_TEXT_LENGTH) {
          issue(line, 'alt_text', {
            code: 'ALT_TEXT_TOO_LONG',
            message: `An alt text has at most ${MAX_ALT_TEXT_LENGTH} characters.`,
          });
          continue;
        }
        if (images.some((i) => i.url === image.url)) continue;
        images.push({ ...image, row: line, column: heading('image_url') ?? 'image_url' });
      }
      if (images.length > MAX_MEDIA_PER_POST) {
        issue(line, 'image_url', {
          code: 'TOO_MANY_IMAGES',
          message: `A post has at most ${MAX_MEDIA_PER_POST} images (this row names ${images.length}).`,
        });
      }
    }

    // Which campaign: every row's cell is checked, the post's first row decides.
    let campaignId: string | null = null;
    const campaignCell = cellText(get(cells, 'campaign')).trim();
    if (campaignCell) {
      const campaign = findCampaign(campaignCell);
      if (campaign === 'ambiguous') {
        issue(line, 'campaign', {
          code: 'UNKNOWN_CAMPAIGN',
          message: `Several campaigns are called "${campaignCell}"; write the campaign's id instead, or rename one.`,
        });
      } else if (!campaign) {
        issue(line, 'campaign', {
          code: 'UNKNOWN_CAMPAIGN',
          message: `There is no campaign "${campaignCell}" in this workspace.`,
        });
      } else campaignId = campaign.id;
    }

    // Where
    const draft =
      existing ??
      ({
        key,
        status: /^(idea|idee)$/i.test(cellText(get(cells, 'status')).trim()) ? 'idea' : 'draft',
        title,
        text,
        plannedAt,
        tags,
        media: images,
        variants: [],
        campaignId,
        firstRow: line,
        failed: false,
      } satisfies ImportDraft & { firstRow: number; failed: boolean });
    const channelCell = cellText(get(cells, 'channel')).trim();
    let channelName: string | null = null;
    if (channelCell) {
      const names = findChannel(channelCell)
        ? [channelCell]
        : channelCell.split(/\s*[,;|]\s*/).filter(Boolean);
      for (const name of names) {
        const channel = findChannel(name);
        if (!channel) {
          issue(line, 'channel', {
            code: 'UNKNOWN_CHANNEL',
            message: `There is no channel "${name}" in this workspace.`,
          });
          continue;
        }
        channelName = channelName ? `${channelName}, ${channel.name}` : channel.name;
        if (draft.variants.some((v) => v.channelId === channel.id)) continue;
        const variantText = channelText && col.text !== undefined ? channelText : null;
        const measured = measureText(variantText ?? draft.text, channel.platform, {
          characterLimit: channel.character_limit ?? undefined,
        });
        if (measured.limit !== null && measured.used > measured.limit) {
          issue(line, variantText !== null ? 'channel_text' : 'text', {
            code: 'TEXT_TOO_LONG',
            message: `Too long for ${channel.name} (${channel.platform}): ${measured.used} of ${measured.limit} ${measured.unit}.`,
          });
        }
        // A row whose images differ from the post's (its first row's) gives its channel its own.
        const ownMedia = sameImages(images, draft.media) ? null : images;
        draft.variants.push({ channelId: channel.id, text: variantText, media: ownMedia });
      }
    }
    const failed = issues.filter((i) => i.severity === 'error').length > before;
    if (failed) draft.failed = true;
    drafts.set(key, draft);
    outcomes.push({
      row: line,
      outcome: failed ? 'error' : 'create',
      postKey: key,
      title: draft.title || draft.text.replace(/\s+/g, ' ').slice(0, 60),
      plannedAt: draft.plannedAt ? formatInZone(draft.plannedAt, timeZone) : null,
      channel: channelName,
    });
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  return {
    report: {
      ok: errors === 0 && table.rows.length > 0,
      rows: table.rows.length,
      posts: drafts.size,
      errors,
      warnings: issues.length - errors,
      outcomes,
      issues,
    },
    drafts: [...drafts.values()].map(({ firstRow: _f, failed: _x, ...d }) => d),
  };
}

const sameImages = (a: ImportImage[], b: ImportImage[]) =>
  a.length === b.length && a.every((x, i) => x.url === b[i]!.url && x.altText === b[i]!.altText);

function readWhen(
  cells: Cell[],
  mapping: Mapping,
  get: (cells: Cell[], field: ImportField) => Cell | undefined,
  timeZone: string,
): { instant: Date | null } | (Problem & { field: ImportField }) {
  const offsetCell = get(cells, 'utc_offset');
  const offsetText = typeof offsetCell === 'string' ? unneutralise(offsetCell).trim() : '';
  let offset: number | null = null;
  if (offsetText) {
    offset = parseOffset(offsetText);
    if (offset === null) {
      return {
        code: 'INVALID_OFFSET',
        message: `"${offsetText}" is not a UTC offset such as UTC+01:00.`,
        field: 'utc_offset',
      };
    }
  }
  const planned = get(cells, 'planned');
  const date = get(cells, 'date');
  const time = get(cells, 'time');
  let local: Local | null = null;
  let field: ImportField = 'planned';
  if (planned instanceof Date) local = fromDateCell(planned);
  else if (typeof planned === 'string' && planned.trim()) {
    const p = parseLocalDateTime(unneutralise(planned), mapping.dateOrder);
    if (!p)
      return {
        code: 'INVALID_DATE',
        message: `"${planned}" is not a date and time such as 2026-11-21 10:00.`,
        field,
      };
    local = p.local;
    if (p.offset && offset === null) offset = parseOffset(p.offset);
  } else if (date instanceof Date || (typeof date === 'string' && date.trim())) {
    field = 'date';
    const d: (Partial<Local> & Omit<Local, 'hour' | 'minute' | 'second'>) | null | undefined =
      date instanceof Date
        ? fromDateCell(date)
        : (parseDatePart(date.trim(), mapping.dateOrder) ??
          parseLocalDateTime(date, mapping.dateOrder)?.local);
    if (!d) {
      return {
        code: 'INVALID_DATE',
        message: `"${String(date)}" is not a date such as 2026-11-21 or 21.11.2026.`,
        field,
      };
    }
    let t = { hour: d.hour ?? 0, minute: d.minute ?? 0, second: d.second ?? 0 };
    if (time instanceof Date) {
      const c = fromDateCell(time);
      t = { hour: c.hour, minute: c.minute, second: c.second };
    } else if (typeof time === 'string' && time.trim()) {
      const parsed = parseTimePart(time);
      if (!parsed) {
        return {
          code: 'INVALID_DATE',
          message: `"${time}" is not a time such as 14:30.`,
          field: 'time',
        };
      }
      t = parsed;
    }
    local = { year: d.year, month: d.month, day: d.day, ...t };
  }
  if (!local) return { instant: null };
  const r = resolveImportTime(local, offset, timeZone);
  return 'code' in r ? { ...r, field } : r;
}
