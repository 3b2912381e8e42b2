// Wording engine benchmark. Run from the repository root: `node bench/wording.bench.mjs`.
// Transpiles libs/domain/src with @swc/core into node_modules/.cache (so the engine's own
// dependencies resolve) and prints figures against the targets. It never fails on timing.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const swc = require('@swc/core');

const source = join(root, 'libs/domain/src');
const out = join(root, 'node_modules/.cache/postplan-wording-bench');
rmSync(out, { recursive: true, force: true });
for (const file of walk(source)) {
  if (!file.endsWith('.ts') || file.endsWith('.spec.ts') || file.endsWith('.d.ts')) continue;
  const { code } = swc.transformFileSync(file, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: false,
  });
  const target = join(out, relative(source, file)).replace(/\.ts$/u, '.js');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
}
writeFileSync(join(out, 'package.json'), '{"type":"commonjs"}\n');

const engine = require(join(out, 'wording/index.js'));
const { nodeSpellCheckers } = require(join(out, 'wording/spelling/node-dictionaries.js'));

// --- fixtures -------------------------------------------------------------------------------
let seed = 42;
const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (list) => list[Math.floor(random() * list.length)];

const SENTENCES = [
  'Am Samstag öffnen wir die Türen unserer neuen Werkstatt in Köln.',
  'Es gibt Kaffee, Kuchen und Führungen durch die Räume.',
  'Alle Kunden bekommen an diesem Tag zehn Prozent auf das gesamte Sortiment.',
  'Unser Team freut sich riesig auf euren Besuch und eure Fragen.',
  'Kund*innen mit Kundenkarte erhalten zusätzlich ein kleines Geschenk.',
  'Der Weihnachtsmarkt auf dem Marktplatz beginnt am ersten Adventswochenende.',
  'Wir haben die Öffnungszeiten im Sommer verlängert, damit mehr Zeit zum Stöbern bleibt.',
  'Die Anmeldung für den Workshop ist ab sofort auf unserer Website möglich.',
  'Was wünscht ihr euch für die nächste Saison?',
  'JETZT SCHNELL ZUGREIFEN',
  'Schreibt uns eure Ideen in die Kommentare!',
  'We are excited to welcome you to our new store this weekend.',
  'Ein Tich und zwei Stühle suchen ein neues Zuhause.',
];
const EXTRAS = [
  'https://example.com/sommer',
  'http://example.org/alt',
  '#sommerschlussverkauf',
  '#Köln',
  '#Sale',
  '@anna@chaos.social',
  '🎉',
  '👩‍👩‍👧‍👦',
  '👋🏽',
];

// Posts end on a word; one in twenty has a fresh typo (two letters swapped), so Hunspell's
// suggestions, the expensive part of spelling, are part of the figures.
function makePost(targetLength) {
  let text = '';
  while (text.length < targetLength) text += `${random() < 0.2 ? pick(EXTRAS) : pick(SENTENCES)} `;
  const cut = text.lastIndexOf(' ', targetLength);
  text = text.slice(0, cut > 0 ? cut : targetLength).trimEnd();
  if (random() < 0.05) {
    const words = text.split(' ');
    const i = Math.floor(random() * words.length);
    const w = words[i];
    if (/^\p{L}{5,}$/u.test(w)) words[i] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
    text = words.join(' ');
  }
  return text;
}

const workspace = {
  genderStyle: 'colon',
  wordList: ['Postplan'],
  brandRules: [
    { kind: 'preferred', term: 'Kunde', replacement: 'Kundschaft' },
    { kind: 'banned', term: 'billig', replacement: 'günstig' },
    { kind: 'preferred', term: 'Nutzer', replacement: 'Anwender' },
    ...Array.from({ length: 200 }, (_, i) => ({ kind: 'banned', term: `Fremdmarke${i}` })),
  ],
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => `${value.toFixed(value < 10 ? 3 : 1)} ms`;
const line = (label, value, target) =>
  console.log(`${label.padEnd(58)} ${value.padStart(12)}   ${target ?? ''}`);

// --- dictionaries ---------------------------------------------------------------------------
let t = performance.now();
const spellChecker = nodeSpellCheckers(root);
spellChecker.de.correct('Haus');
spellChecker.en.correct('house');
const loadTime = performance.now() - t;

// --- one 500-character post ----------------------------------------------------------------
const post = makePost(500);
const siblings = [{ channelId: 'li', platform: 'linkedin', text: post }];
const check = (text, extra = {}) =>
  engine.checkWording({
    text,
    platform: 'x',
    workspace,
    spellChecker,
    context: { siblingVariants: siblings },
    ...extra,
  });

t = performance.now();
check(post);
const cold = performance.now() - t;
for (let i = 0; i < 50; i++) check(post);
const withSpelling = [];
const withoutSpelling = [];
for (let i = 0; i < 300; i++) {
  t = performance.now();
  check(post);
  withSpelling.push(performance.now() - t);
  t = performance.now();
  check(post, { skipSpelling: true });
  withoutSpelling.push(performance.now() - t);
}
const findings = check(post).findings.length;

// --- 10,000 different posts -----------------------------------------------------------------
const posts = Array.from({ length: 10_000 }, () => makePost(120 + Math.floor(random() * 600)));
const platforms = ['x', 'bluesky', 'mastodon', 'instagram', 'linkedin', 'threads'];
t = performance.now();
let total = 0;
posts.forEach((text, i) => {
  total += engine.checkWording({
    text,
    platform: platforms[i % platforms.length],
    workspace,
    spellChecker,
  }).findings.length;
});
const bulk = performance.now() - t;

// --- duplicate lookup against 10,000 recent posts ---------------------------------------------
const index = new engine.DuplicateIndex();
const now = Date.now();
t = performance.now();
posts.forEach((text, i) =>
  index.add({ id: `p${i}`, channelId: `c${i % 5}`, at: now - (i % 30) * 86_400_000, text }),
);
const build = performance.now() - t;
const lookups = [];
for (let i = 0; i < 500; i++) {
  const text = posts[(i * 37) % posts.length];
  t = performance.now();
  index.query(text, `c${i % 5}`, now - 30 * 86_400_000);
  lookups.push(performance.now() - t);
}
const duplicateCheck = [];
for (let i = 0; i < 200; i++) {
  const text = posts[(i * 53) % posts.length];
  t = performance.now();
  engine.checkWording({
    text,
    platform: 'linkedin',
    workspace,
    channel: { channelId: 'c1' },
    context: { duplicateIndex: index, now: new Date(now) },
    skipSpelling: true,
  });
  duplicateCheck.push(performance.now() - t);
}

console.log(`Postplan wording engine – Node ${process.version}, ${new Date().toISOString()}`);
console.log('');
line('Hunspell dictionaries de + en loaded (once per process)', ms(loadTime));
line(
  `One ${post.length}-character post, all rules incl. spelling: median`,
  ms(median(withSpelling)),
  'target ≤ 2 ms',
);
line('  the same without spelling: median', ms(median(withoutSpelling)));
line('  spelling share: median', ms(median(withSpelling) - median(withoutSpelling)));
line('  first check of that post (cold suggestion cache)', ms(cold));
line(`  findings reported for it`, String(findings));
line(
  '10,000 different posts (120-720 chars, 6 platforms) checked: total',
  ms(bulk),
  'target ≤ 10 s',
);
line(`  per post (${total} findings in all)`, ms(bulk / posts.length));
line('Duplicate index: 10,000 posts added', ms(build));
line('Duplicate lookup against 10,000 recent posts: median', ms(median(lookups)), 'target ≤ 20 ms');
line('  slowest of 500 lookups', ms(Math.max(...lookups)));
line('checkWording with the duplicate index (no spelling): median', ms(median(duplicateCheck)));

function walk(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
