import type { LengthUnit } from '@postplan/domain';

export type LengthInfo = { used: number; limit: number | null; unit: LengthUnit };

export type CounterView = {
  /** "243 / 280", or just "243" where the platform sets no limit. */
  text: string;
  over: boolean;
  overBy: number;
  /** Between 90 % and 100 % of the limit: worth a glance before it turns red. */
  near: boolean;
};

const formats = new Map<string, Intl.NumberFormat>();

function formatNumber(value: number, intlLocale: string): string {
  let format = formats.get(intlLocale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale);
    formats.set(intlLocale, format);
  }
  return format.format(value);
}

/** The counter in the platform's own counting (X: weighted, Bluesky: graphemes ...). */
export function counterView(length: LengthInfo, intlLocale: string): CounterView {
  const used = formatNumber(length.used, intlLocale);
  if (length.limit === null) return { text: used, over: false, overBy: 0, near: false };
  const overBy = Math.max(0, length.used - length.limit);
  return {
    text: `${used} / ${formatNumber(length.limit, intlLocale)}`,
    over: overBy > 0,
    overBy,
    near: overBy === 0 && length.used >= length.limit * 0.9,
  };
}
