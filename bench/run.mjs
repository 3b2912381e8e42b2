#!/usr/bin/env node
// `npm run bench [calendar|start|wording|publish]`: prints figures; never fails on a target.
// publish takes minutes (pg-boss side by side, a 3-minute steady run), so it runs only when named;
// `npm run bench publish -- --quick` shortens the steady run to one minute.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { calendarBench } from './calendar.bench.mjs';
import { root } from './lib.mjs';
import { publishBench } from './publish.bench.mjs';
import { startBench } from './start.bench.mjs';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const want = (name) => wanted.length === 0 || wanted.includes(name);

if (want('start')) {
  console.log('\n== start');
  await startBench();
}
if (want('calendar')) {
  console.log('\n== calendar range read');
  await calendarBench();
}
const wording = join(root, 'bench', 'wording.bench.mjs');
if (want('wording') && existsSync(wording)) {
  console.log('\n== wording review');
  spawnSync(process.execPath, [wording], { stdio: 'inherit' });
}
if (wanted.includes('publish')) {
  console.log('\n== publishing (postplan vs pg-boss)');
  await publishBench();
}
