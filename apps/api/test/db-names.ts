/**
 * Names of this run's databases. A run id (set once by the global setup, inherited by the
 * workers) keeps two runs against one server, say a developer's and CI's, out of each other's way.
 */
function runId(): string {
  const id = process.env.POSTPLAN_TEST_RUN;
  if (!id) throw new Error('POSTPLAN_TEST_RUN is not set; the integration global setup sets it.');
  return id;
}

export const templateDb = () => `postplan_t${runId()}_template`;
export const testDbPrefix = () => `postplan_t${runId()}_`;

/** The same server, its maintenance database: where databases are created and dropped. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
