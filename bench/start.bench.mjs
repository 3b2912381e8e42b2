// Start: `npm start` to a healthy /api/health on the embedded PostgreSQL, first on an empty
// data folder with nothing built (as right after `npm install`), then again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, freePort, root, startServer, waitForHealth } from './lib.mjs';

async function timeStart(dataDir) {
  const port = await freePort();
  const started = performance.now();
  const app = startServer({ POSTPLAN_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' });
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, 120_000);
    return performance.now() - started;
  } finally {
    await app.stop();
  }
}

export async function startBench() {
  const dataDir = mkdtempSync(join(tmpdir(), 'postplan-start-'));
  try {
    for (const stamp of ['.api.stamp', '.web.stamp'])
      rmSync(join(root, 'dist', stamp), { force: true });
    const first = await timeStart(dataDir);
    const second = await timeStart(dataDir);
    console.log(`first start (build + initdb + migrations): ${fmt(first)}   target <= 15 s`);
    console.log(`next start:                                ${fmt(second)}   target <= 5 s`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
