import { type Certificate, type DrawnEntrant, type Locale } from '@postplan/contracts';
import { escapeHtml } from '../plan-exchange/print-plan';

/**
 * The draw certificate: one self-contained A4 page (no script, no outside resource), the same
 * HTML served as a page and printed to PDF. Times in UTC; entrants only by pseudonym and masked
 * handle.
 */

/** The certificate needs nothing but its own inline styles: no script, no outside resource. */
export const CERTIFICATE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const de = {
  title: 'Auslosungsprotokoll',
  contest: 'Gewinnspiel',
  organiser: 'Veranstalter',
  period: 'Teilnahmezeitraum',
  rules: 'Teilnahmebedingungen',
  version: 'Version',
  committed: 'Teilnehmerliste festgeschrieben (UTC)',
  drawn: 'Ausgelost (UTC)',
  counts: 'Zahlen',
  entries: 'Teilnahmen',
  entrants: 'Personen',
  eligible: 'teilnahmeberechtigt',
  excluded: 'ausgeschlossen',
  algorithm: 'Verfahren',
  listHash: 'SHA-256 der Teilnehmerliste (Commitment)',
  secretHash: 'SHA-256 des Server-Geheimnisses (vorab veröffentlicht)',
  secret: 'Server-Geheimnis (nach der Festschreibung offengelegt)',
  publicValue: 'Öffentlicher Wert (nach der Festschreibung gewählt von)',
  seed: 'Seed',
  winners: 'Gewinner',
  alternates: 'Nachrücker',
  replacements: 'Ersetzungen',
  replaced: 'ersetzt durch',
  rank: 'Platz',
  entrant: 'Pseudonym',
  handle: 'Name (gekürzt)',
  prize: 'Gewinn',
  verify: 'Nachprüfen',
  verifyText:
    'Jede und jeder kann die Auslosung mit den veröffentlichten Werten nachrechnen; das Verfahren ist unter der folgenden Adresse beschrieben:',
  recomputed: 'Vom Server nachgerechnet: Ergebnis stimmt überein.',
  mismatch: 'Achtung: Nachrechnung stimmt NICHT überein.',
  none: 'keine',
};

type Labels = Record<keyof typeof de, string>;

const en: Labels = {
  title: 'Draw certificate',
  contest: 'Contest',
  organiser: 'Organiser',
  period: 'Entry period',
  rules: 'Rules',
  version: 'version',
  committed: 'Entrant list committed (UTC)',
  drawn: 'Drawn (UTC)',
  counts: 'Counts',
  entries: 'entries',
  entrants: 'people',
  eligible: 'eligible',
  excluded: 'excluded',
  algorithm: 'Algorithm',
  listHash: 'SHA-256 of the entrant list (commitment)',
  secretHash: 'SHA-256 of the server secret (published before)',
  secret: 'Server secret (revealed after the commitment)',
  publicValue: 'Public value (chosen after the commitment by)',
  seed: 'Seed',
  winners: 'Winners',
  alternates: 'Alternates',
  replacements: 'Replacements',
  replaced: 'replaced by',
  rank: 'Place',
  entrant: 'Pseudonym',
  handle: 'Name (masked)',
  prize: 'Prize',
  verify: 'Verify',
  verifyText:
    'Anyone can recompute the draw from the published values; the method is described at this address:',
  recomputed: 'Recomputed by the server: the result matches.',
  mismatch: 'Warning: the recomputation does NOT match.',
  none: 'none',
};

const L: Record<Locale, Labels> = { de, en };

/** "2026-11-09T13:00:00+01:00" -> "2026-11-09 13:00": the wall-clock time the zone shows. */
const wallClock = (iso: string) => iso.slice(0, 16).replace('T', ' ');

const utc = (iso: string) => `${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC`;

function table(rows: readonly DrawnEntrant[], t: Labels, withPrize: boolean) {
  if (rows.length === 0) return `<p>${t.none}</p>`;
  const head = `<tr><th>${t.rank}</th><th>${t.entrant}</th><th>${t.handle}</th>${withPrize ? `<th>${t.prize}</th>` : ''}</tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr><td>${r.rank}</td><td class="mono">${escapeHtml(r.entrantId)}</td><td>${escapeHtml(r.maskedHandle)}${r.platform ? ` <span class="muted">(${escapeHtml(r.platform)})</span>` : ''}</td>${withPrize ? `<td>${escapeHtml(r.prize ?? '')}</td>` : ''}</tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}

export function renderCertificate(c: Certificate, lang: Locale): string {
  const t = L[lang];
  const d = c.draw!;
  const k = c.commitment!;
  const ok = c.recomputed
    ? c.recomputed.listHashMatches &&
      c.recomputed.secretHashMatches &&
      c.recomputed.seedMatches &&
      c.recomputed.orderMatches
    : false;
  const field = (label: string, value: string, mono = false) =>
    `<div class="field"><div class="label">${label}</div><div class="value${mono ? ' mono' : ''}">${value}</div></div>`;
  const replacements =
    d.replacements.length === 0
      ? ''
      : `<h2>${t.replacements}</h2><ul>${d.replacements
          .map(
            (r) =>
              `<li>${utc(r.at)}: <span class="mono">${escapeHtml(r.replacedEntrantId)}</span> ${t.replaced} <span class="mono">${escapeHtml(r.byEntrantId)}</span> — ${escapeHtml(r.reason)}</li>`,
          )
          .join('')}</ul>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}: ${escapeHtml(c.contest.title)}</title>
<style>
@page { size: A4; margin: 16mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; margin: 0 auto; max-width: 48rem; padding: 1rem; font-size: 14px; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.muted { color: #6b7280; } .mono { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; font-size: .85em; }
.field { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .75rem; padding: .35rem 0; border-bottom: 1px solid #e5e7eb; }
.label { color: #4b5563; } table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th:first-child, td:first-child { width: 3.5rem; }
.ok { color: #166534; font-weight: 600; } .bad { color: #b91c1c; font-weight: 700; }
@media (max-width: 32rem) { .field { grid-template-columns: 1fr; gap: 0; } body { font-size: 15px; padding: .75rem; } th, td { padding: .35rem .25rem; } th:first-child, td:first-child { width: 2.5rem; } }
</style></head><body>
<h1>${t.title}</h1>
<p class="muted">${t.contest}: <strong>${escapeHtml(c.contest.title)}</strong> · ${t.organiser}: ${escapeHtml(c.contest.organiser)}</p>
${field(t.period, `${escapeHtml(wallClock(c.contest.entriesFrom))} – ${escapeHtml(wallClock(c.contest.entriesUntil))} (${escapeHtml(c.contest.timeZone)})`)}
${field(t.rules, `${t.version} ${k.rulesVersion} · <span class="mono">${escapeHtml(k.rulesHash)}</span>`)}
${field(t.committed, escapeHtml(utc(k.committedAt)))}
${field(t.drawn, escapeHtml(utc(d.drawnAt)))}
${field(t.counts, `${k.entryCount} ${t.entries} · ${k.entrantCount} ${t.entrants} · ${k.eligibleCount} ${t.eligible} · ${k.excludedCount} ${t.excluded}`)}
${field(t.algorithm, escapeHtml(d.algorithm), true)}
${field(t.listHash, escapeHtml(k.listHash), true)}
${field(t.secretHash, escapeHtml(k.secretHash), true)}
${field(t.secret, escapeHtml(d.secret), true)}
${field(t.publicValue, `<span class="mono">${escapeHtml(d.publicValue)}</span> — ${escapeHtml(d.publicValueBy)}`)}
${field(t.seed, escapeHtml(d.seed), true)}
<h2>${t.winners}</h2>
${table(d.winners, t, true)}
<h2>${t.alternates}</h2>
${table(d.alternates, t, false)}
${replacements}
<h2>${t.verify}</h2>
<p>${t.verifyText} <span class="mono">${escapeHtml(c.verificationUrl)}</span></p>
<p class="${ok ? 'ok' : 'bad'}">${ok ? t.recomputed : t.mismatch}</p>
<p class="muted">${escapeHtml(utc(c.generatedAt))}</p>
</body></html>`;
}
