/** Platform identifiers, the same everywhere: API, database, UI, exports. */
export const PLATFORMS = [
  'x',
  'bluesky',
  'mastodon',
  'threads',
  'linkedin',
  'instagram',
  'facebook',
  'telegram',
  'pinterest',
  'discord',
  'slack',
  'webhook',
  'manual',
  'sandbox',
] as const;
export type Platform = (typeof PLATFORMS)[number];
