import { resolveLocal, toLocal } from '@postplan/domain';
import { type Lang } from './spreadsheet-format';

/**
 * The printed plan: A4 landscape, one page per week (seven day columns) or per month (a grid of
 * weeks), each entry with time, channels, title, a text excerpt and the status. The same HTML
 * is printed from the browser and rendered to PDF by chromium.
 */

export type PrintPost = {
  plannedAt: Date;
  title: string;
  text: string;
  status: string;
  channels: string[];
};

export type PrintPlan = {
  workspaceName: string;
  timeZone: string;
  lang: Lang;
  view: 'week' | 'month';
  from: Date;
  to: Date;
  posts: PrintPost[];
  truncated: boolean;
  /** A nonce for the page's one script (the print button); none for the PDF. */
  scriptNonce?: string;
};

const LABELS: Record<Lang, Record<string, string>> = {
  en: {
    title: 'Editorial plan',
    print: 'Print',
    week: 'Week',
    empty: 'Nothing planned',
    truncated: 'Only the first posts are shown; narrow the selection to see all.',
    zone: 'Times in',
    idea: 'Idea',
    draft: 'Draft',
    in_review: 'In review',
    changes_requested: 'Changes requested',
    approved: 'Approved',
    approval_expired: 'Approval expired',
  },
  de: {
    title: 'Redaktionsplan',
    print: 'Drucken',
    week: 'KW',
    empty: 'Nichts geplant',
    truncated: 'Nur die ersten Beiträge werden gezeigt; grenzen Sie die Auswahl ein.',
    zone: 'Zeiten in',
    idea: 'Idee',
    draft: 'Entwurf',
    in_review: 'In Prüfung',
    changes_requested: 'Änderungen erbeten',
    approved: 'Freigegeben',
    approval_expired: 'Freigabe abgelaufen',
  },
};

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Day = { key: string; year: number; month: number; day: number; weekday: number };

const dayKey = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function localDay(instant: Date, timeZone: string): Day {
  const l = toLocal(instant, timeZone);
  const weekday = (new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay() + 6) % 7;
  return { key: dayKey(l.year, l.month, l.day), year: l.year, month: l.month, day: l.day, weekday };
}

/** Every local day touched by [from, to). */
function daysOf(from: Date, to: Date, timeZone: string): Day[] {
  const days: Day[] = [];
  const first = localDay(from, timeZone);
  const cursor = new Date(Date.UTC(first.year, first.month - 1, first.day));
  for (let i = 0; i < 400; i++) {
    const y = cursor.getUTCFullYear();
    const m = cursor.getUTCMonth() + 1;
    const d = cursor.getUTCDate();
    const start = resolveLocal(
      { year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 },
      timeZone,
    );
    const instant =
      start.kind === 'exact'
        ? start.instant
        : start.kind === 'ambiguous'
          ? start.earlier
          : start.nextValid;
    if (instant >= to) break;
    days.push({
      key: dayKey(y, m, d),
      year: y,
      month: m,
      day: d,
      weekday: (cursor.getUTCDay() + 6) % 7,
    });
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

function isoWeek(d: Day): number {
  // The ISO week is the week of its Thursday.
  const thursday = new Date(Date.UTC(d.year, d.month - 1, d.day + 3 - d.weekday));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7);
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const CSS = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0; }
header { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: 4mm; }
h1 { font-size: 14pt; margin: 0; }
h2 { font-size: 11pt; margin: 0 0 2mm; }
.page { page-break-after: always; break-after: page; }
.page:last-child { page-break-after: auto; break-after: auto; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #999; vertical-align: top; padding: 1.5mm; }
th { background: #eee; font-size: 8.5pt; text-align: left; }
td.out { background: #f6f6f6; color: #888; }
.entry { margin-bottom: 2mm; break-inside: avoid; }
.entry .meta { font-weight: bold; }
.entry .channels { color: #444; }
.entry .excerpt { color: #333; }
.status { display: inline-block; border: 1px solid #666; border-radius: 2px; padding: 0 1mm; font-size: 7.5pt; }
.month td { height: 32mm; }
.num { font-weight: bold; }
.note { color: #555; }
@media print { .no-print { display: none; } }
`;

export function renderPrintPlan(plan: PrintPlan): string {
  const L = LABELS[plan.lang];
  const locale = plan.lang === 'de' ? 'de-DE' : 'en-GB';
  const timeFmt = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: plan.timeZone,
  });
  const dayFmt = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const monthFmt = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const byDay = new Map<string, PrintPost[]>();
  for (const p of plan.posts) {
    const key = localDay(p.plannedAt, plan.timeZone).key;
    const list = byDay.get(key) ?? [];
    list.push(p);
    byDay.set(key, list);
  }
  const days = daysOf(plan.from, plan.to, plan.timeZone);
  const utcOf = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day));
  const entries = (d: Day, max: number) =>
    (byDay.get(d.key) ?? [])
      .map(
        (p) => `<div class="entry" data-testid="print-entry">
  <div class="meta">${escapeHtml(timeFmt.format(p.plannedAt))} · ${escapeHtml(p.title || excerpt(p.text, 40))}</div>
  <div class="channels">${escapeHtml(p.channels.join(', '))} <span class="status">${escapeHtml(L[p.status] ?? p.status)}</span></div>
  <div class="excerpt">${escapeHtml(excerpt(p.text, max))}</div>
</div>`,
      )
      .join('');

  // Weeks from Monday; a partial first or last week is padded with days outside the range.
  const weeks: (Day | null)[][] = [];
  let week: (Day | null)[] = [];
  for (const d of days) {
    if (week.length === 0) for (let i = 0; i < d.weekday; i++) week.push(null);
    week.push(d);
    if (d.weekday === 6) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) {
    while (week.length < 7) week.push(null);
    weeks.push(week);
  }

  const pages: string[] = [];
  if (plan.view === 'week') {
    for (const w of weeks) {
      const first = w.find((d): d is Day => d !== null)!;
      pages.push(`<section class="page">
<h2>${L.week} ${isoWeek(first)} · ${escapeHtml(monthFmt.format(utcOf(first)))}</h2>
<table class="week"><thead><tr>${w
        .map((d) => `<th>${d ? escapeHtml(dayFmt.format(utcOf(d))) : ''}</th>`)
        .join('')}</tr></thead>
<tbody><tr>${w.map((d) => (d ? `<td>${entries(d, 160)}</td>` : '<td class="out"></td>')).join('')}</tr></tbody></table>
</section>`);
    }
  } else {
    const months = new Map<string, (Day | null)[][]>();
    for (const w of weeks) {
      for (const d of w) {
        if (!d) continue;
        const key = `${d.year}-${d.month}`;
        const list = months.get(key) ?? [];
        if (!list.includes(w)) list.push(w);
        months.set(key, list);
      }
    }
    for (const [key, ws] of months) {
      const [y, m] = key.split('-').map(Number) as [number, number];
      pages.push(`<section class="page">
<h2>${escapeHtml(monthFmt.format(new Date(Date.UTC(y, m - 1, 1))))}</h2>
<table class="month"><tbody>${ws
        .map(
          (w) =>
            `<tr>${w
              .map((d) =>
                d && d.month === m
                  ? `<td><div class="num">${escapeHtml(dayFmt.format(utcOf(d)))}</div>${entries(d, 60)}</td>`
                  : '<td class="out"></td>',
              )
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>
</section>`);
    }
  }
  const printButton = plan.scriptNonce
    ? `<button type="button" class="no-print" id="print">${L.print}</button>
<script nonce="${plan.scriptNonce}">document.getElementById('print').addEventListener('click', function () { window.print(); });</script>`
    : '';
  return `<!doctype html>
<html lang="${plan.lang}"><head><meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${escapeHtml(`${L.title} · ${plan.workspaceName}`)}</title>
<style>${CSS}</style></head>
<body>
<header><h1>${escapeHtml(`${L.title} · ${plan.workspaceName}`)}</h1>
<span class="note">${L.zone} ${escapeHtml(plan.timeZone)}</span>${printButton}</header>
${plan.truncated ? `<p class="note">${L.truncated}</p>` : ''}
${plan.posts.length === 0 ? `<p class="note">${L.empty}</p>` : ''}
${pages.join('\n')}
</body></html>`;
}
