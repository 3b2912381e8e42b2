/** "2,4 MB", "830 kB": decimal units, as the platforms state their limits. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** "1:05", "0:09", "1:02:03": how a video player shows a length. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Files a drop or a file picker gave, images and videos only (the server checks them again). */
export function mediaFiles(list: FileList | readonly File[] | null): File[] {
  return Array.from(list ?? []).filter(
    (f) => f.type === '' || f.type.startsWith('image/') || f.type.startsWith('video/'),
  );
}
