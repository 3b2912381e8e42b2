/**
 * The vocabulary every wording rule speaks. Offsets are UTF-16 code units into the text exactly
 * as the editor holds it (no normalisation), so a finding can be highlighted without mapping.
 */

export { PLATFORMS, type Platform } from '../../platform';

export type Severity = 'error' | 'warning' | 'hint';
export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

/** Every user-visible string exists in both UI languages. */
export type LocalizedText = { de: string; en: string };

export type WordingFix = {
  start: number;
  end: number;
  replacement: string;
  label: LocalizedText;
};

export type WordingFinding = {
  rule: string;
  severity: Severity;
  message: LocalizedText;
  start: number;
  end: number;
  /** One replacement, or alternatives (best first) when there is a choice. */
  fix?: WordingFix | WordingFix[];
  /** Set for findings about an attached media item instead of the text. */
  mediaIndex?: number;
};

export type MediaKind = 'image' | 'video' | 'gif';
export type MediaItem = { kind: MediaKind; altText?: string | null };

/**
 * How a platform measures text: `weighted` is X's weighted length, `graphemes` what a person
 * sees as one character, `characters` Unicode code points, `utf16` JavaScript string length.
 */
export type LengthUnit = 'weighted' | 'graphemes' | 'characters' | 'utf16' | 'bytes';
export type LengthSummary = { used: number; limit: number | null; unit: LengthUnit };

export function fixesOf(finding: Pick<WordingFinding, 'fix'>): WordingFix[] {
  if (!finding.fix) return [];
  return Array.isArray(finding.fix) ? finding.fix : [finding.fix];
}

/** Errors block submitting and approving; warnings and hints never do. */
export function blockingFindings<T extends Pick<WordingFinding, 'severity'>>(
  findings: readonly T[],
): T[] {
  return findings.filter((f) => f.severity === 'error');
}
