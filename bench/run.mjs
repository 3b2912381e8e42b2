#!/usr/bin/env node
// `npm run bench [calendar|start|wording|accounts|export]`: prints figures; never fails on a target.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { accountsBench } from './accounts.bench.mjs';
import { calendarBench } from './calendar.bench.mjs';
import { exportBench } from './export.bench.mjs';
import { root } from './lib.mjs';
import { startBench } from './start.bench.mjs';

const wanted = process.argv.slice(2);
const want = (name) => wanted.length === 0 || wanted.includes(name);

if (want('start')) {
  console.log('\n== start');
  await startBench();
}
if (want('calendar')) {
  console.log('\n== calendar range read');
  await calendarBench();
}
if (want('accounts')) {
  console.log('\n== accounts: known against unknown addresses');
  await accountsBench();
}
if (want('export')) {
  console.log('\n== export and import');
  await exportBench();
}
const wording = join(root, 'bench', 'wording.bench.mjs');
if (want('wording') && existsSync(wording)) {
  console.log('\n== wording review');
  spawnSync(process.execPath, [wording], { stdio: 'inherit' });
}
