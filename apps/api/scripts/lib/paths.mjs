import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const dataDir = process.env.POSTPLAN_DATA_DIR ?? join(root, '.data');
export const serverEntry = join(root, 'dist', 'server', 'apps', 'api', 'src', 'main.js');
export const migrateEntry = join(root, 'dist', 'server', 'apps', 'api', 'src', 'cli', 'migrate.js');
