import type { Channel, Platform } from '@postplan/contracts';

/**
 * How a platform shows up in a small space: a short glyph, readable without an icon font and in
 * any UI language. Screen readers get the platform's name and the channel's name instead.
 */
export const PLATFORM_GLYPHS: Record<Platform, string> = {
  x: '𝕏',
  bluesky: 'Bs',
  mastodon: 'M',
  threads: '@',
  linkedin: 'in',
  instagram: 'IG',
  facebook: 'f',
  telegram: 'Tg',
  pinterest: 'P',
  discord: 'Dc',
  slack: 'Sl',
  webhook: '↗',
  manual: '✋',
  sandbox: 'SB',
};

/**
 * A qualitative palette whose neighbours stay apart (Okabe and Ito's colour-blind-safe set,
 * extended with Tableau's): the calendar takes from it when two channels' own colours would look
 * alike, such as Bluesky, LinkedIn, Facebook and Telegram, which are all blue.
 */
export const DISTINCT_PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#7b3294',
  '#a6761d',
  '#1b9e77',
  '#e7298a',
  '#525252',
  '#b2182b',
];

type Lab = { l: number; a: number; b: number };

function toLab(hex: string): Lab | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) return null;
  const v = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const r = lin((v >> 16) & 0xff);
  const g = lin((v >> 8) & 0xff);
  const bl = lin(v & 0xff);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return { l: 116 * f(y) - 16, a: 500 * (f(x) - f(y)), b: 200 * (f(y) - f(z)) };
}

/** CIE76 colour difference; below about 25 two small swatches read as "the same blue". */
export function colorDistance(a: string, b: string): number {
  const la = toLab(a);
  const lb = toLab(b);
  if (!la || !lb) return Infinity;
  return Math.hypot(la.l - lb.l, la.a - lb.a, la.b - lb.b);
}

const TOO_CLOSE = 25;

/**
 * One colour per channel as the calendar draws it: the channel's own colour where it stands out,
 * otherwise the next palette colour that does. Channels keep their order, so the colours do not
 * jump between visits.
 */
export function distinctChannelColors(channels: readonly Channel[]): Map<string, string> {
  const colors = new Map<string, string>();
  const taken: string[] = [];
  const free = (color: string) => taken.every((c) => colorDistance(c, color) >= TOO_CLOSE);
  for (const channel of channels) {
    const own = channel.color;
    const color =
      (toLab(own) && free(own) ? own : DISTINCT_PALETTE.find(free)) ??
      DISTINCT_PALETTE[taken.length % DISTINCT_PALETTE.length]!;
    colors.set(channel.id, color);
    taken.push(color);
  }
  return colors;
}

/** A preview of the text for the list view: one line, at most `max` characters. */
export function textPreview(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
