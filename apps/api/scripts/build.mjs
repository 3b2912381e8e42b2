#!/usr/bin/env node
// Builds what `npm start` runs: the API (TypeScript -> CommonJS with swc, aliases rewritten to
// relative paths) into dist/server, and the web app (Vite) into dist/web. A target whose
// sources did not change since its last build is skipped, so a second start is quick.
// Usage: node scripts/build.mjs [api] [web] [--force]
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { root } from './lib/paths.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const targets = args.filter((a) => !a.startsWith('--'));
const wanted = targets.length ? targets : ['api', 'web'];

const SKIP_DIRS = new Set(['node_modules', 'dist', '.data', '.nx', 'test', '__fixtures__']);

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function fingerprint(files) {
  const h = createHash('sha256');
  for (const f of files.sort()) {
    const s = statSync(f);
    h.update(`${relative(root, f)}:${s.size}:${s.mtimeMs}\n`);
  }
  return h.digest('hex');
}

function upToDate(name, files) {
  const stamp = join(root, 'dist', `.${name}.stamp`);
  const print = fingerprint(files);
  const fresh = !force && existsSync(stamp) && readFileSync(stamp, 'utf8') === print;
  return { fresh, save: () => writeFileSync(stamp, print) };
}

const isSource = (f) =>
  /\.(ts|tsx|mts|css|html|json|svg|aff|dic)$/.test(f) && !/\.(spec|int-spec)\.tsx?$/.test(f);

async function buildApi() {
  const dirs = [
    'apps/api/src',
    'libs/contracts/src',
    'libs/domain/src',
    'libs/platforms/src',
    'migrations',
  ].map((d) => join(root, d));
  const files = dirs
    .flatMap((d) => walk(d))
    .filter((f) => f.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(f));
  const state = upToDate('api', [
    ...files,
    join(root, 'package-lock.json'),
    join(root, 'apps', 'api', 'scripts', 'build.mjs'),
  ]);
  if (state.fresh) return console.log('api: up to date');
  const swc = await import('@swc/core');
  const out = join(root, 'dist', 'server');
  rmSync(out, { recursive: true, force: true });
  const started = Date.now();
  await Promise.all(
    files.map(async (file) => {
      const { code, map } = await swc.transformFile(file, {
        swcrc: false,
        sourceMaps: true,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
          baseUrl: root,
          paths: {
            '@postplan/contracts': ['libs/contracts/src/index.ts'],
            '@postplan/domain': ['libs/domain/src/index.ts'],
            '@postplan/migrations': ['migrations/index.ts'],
            '@postplan/platforms': ['libs/platforms/src/index.ts'],
          },
        },
        module: { type: 'commonjs', ignoreDynamic: true },
      });
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) writeFileSync(`${target}.map`, map);
    }),
  );
  state.save();
  console.log(`api: ${files.length} files in ${Date.now() - started} ms`);
}

async function buildWeb() {
  const config = join(root, 'apps', 'web', 'vite.config.mts');
  if (!existsSync(config)) return console.log('web: no app yet, skipped');
  const files = [
    ...walk(join(root, 'apps', 'web')).filter(isSource),
    ...walk(join(root, 'libs', 'contracts', 'src')).filter(isSource),
    ...walk(join(root, 'libs', 'domain', 'src')).filter(isSource),
    join(root, 'package-lock.json'),
  ];
  const state = upToDate('web', files);
  if (state.fresh) return console.log('web: up to date');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: config, logLevel: 'warn' });
  state.save();
  console.log(`web: built in ${Date.now() - started} ms`);
}

mkdirSync(join(root, 'dist'), { recursive: true });
for (const t of wanted) {
  if (t === 'api') await buildApi();
  else if (t === 'web') await buildWeb();
  else {
    console.error(`Unknown build target "${t}"; use api and/or web.`);
    process.exit(2);
  }
}
