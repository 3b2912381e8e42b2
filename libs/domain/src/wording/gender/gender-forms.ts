import { type GenderStyle } from '../settings/settings.schema';

export type SignStyle = Exclude<GenderStyle, 'neutral' | 'off'>;
export type DetectedStyle = SignStyle | 'slash' | 'middle-dot';
export type GenderedForm = {
  start: number;
  end: number;
  stem: string;
  plural: boolean;
  style: DetectedStyle;
};

const SIGN_FORM =
  /(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*)(:|\*|_|·|\/-?)(in|innen)(?![\p{L}\p{M}])/gu;
const CAPITAL_I_FORM = /(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*\p{Ll})(In|Innen)(?![\p{L}\p{M}])/gu;
// Words that end in capital "In" without being gendered.
const NOT_GENDERED = new Set([
  'linkedin',
  'login',
  'plugin',
  'checkin',
  'signin',
  'optin',
  'addin',
  'walkin',
  'drivein',
  'builtin',
  'sitin',
  'lockin',
  'popin',
  'tunein',
  'cashin',
  'zoomin',
  'logIn'.toLowerCase(),
]);

const SIGN_OF: Record<Exclude<DetectedStyle, 'capital-i'>, string> = {
  colon: ':',
  asterisk: '*',
  underscore: '_',
  slash: '/',
  'middle-dot': '·',
};

export function findGenderedForms(text: string): GenderedForm[] {
  const forms: GenderedForm[] = [];
  for (const m of text.matchAll(SIGN_FORM)) {
    const sign = m[2]!;
    const style: DetectedStyle =
      sign === ':'
        ? 'colon'
        : sign === '*'
          ? 'asterisk'
          : sign === '_'
            ? 'underscore'
            : sign === '·'
              ? 'middle-dot'
              : 'slash';
    forms.push({
      start: m.index,
      end: m.index + m[0].length,
      stem: m[1]!,
      plural: m[3] === 'innen',
      style,
    });
  }
  for (const m of text.matchAll(CAPITAL_I_FORM)) {
    if (NOT_GENDERED.has(m[0].toLowerCase())) continue;
    if (m[1]!.length < 3) continue;
    forms.push({
      start: m.index,
      end: m.index + m[0].length,
      stem: m[1]!,
      plural: m[2] === 'Innen',
      style: 'capital-i',
    });
  }
  return forms.sort((a, b) => a.start - b.start);
}

/** Kund + plural in colon style -> "Kund:innen"; capital I -> "KundInnen". */
export function formInStyle(stem: string, plural: boolean, style: SignStyle): string {
  if (style === 'capital-i') return `${stem}${plural ? 'Innen' : 'In'}`;
  return `${stem}${SIGN_OF[style]}${plural ? 'innen' : 'in'}`;
}

export const STYLE_NAMES: Record<DetectedStyle | 'neutral', { de: string; en: string }> = {
  colon: { de: 'Doppelpunkt (Kund:innen)', en: 'colon (Kund:innen)' },
  asterisk: { de: 'Gendersternchen (Kund*innen)', en: 'asterisk (Kund*innen)' },
  underscore: { de: 'Unterstrich (Kund_innen)', en: 'underscore (Kund_innen)' },
  'capital-i': { de: 'Binnen-I (KundInnen)', en: 'capital I (KundInnen)' },
  slash: { de: 'Schrägstrich (Kund/-innen)', en: 'slash (Kund/-innen)' },
  'middle-dot': { de: 'Mediopunkt (Kund·innen)', en: 'middle dot (Kund·innen)' },
  neutral: { de: 'neutrale Formen (Kundschaft)', en: 'neutral forms (Kundschaft)' },
};
