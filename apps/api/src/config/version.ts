import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './app-config';

/** From package.json itself: the container starts node directly, without npm's environment. */
export const APP_VERSION = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
).version;
