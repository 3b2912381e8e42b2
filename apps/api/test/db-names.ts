export const TEMPLATE_DB = 'postplan_test_template';
export const TEST_DB_PREFIX = 'postplan_test_';

/** The same server, its maintenance database: where databases are created and dropped. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
