/**
 * The part of ICU MessageFormat the catalogues use, on the platform's Intl.PluralRules:
 *
 *   {name}                                         a value
 *   {count, plural, =0 {keine} one {# Wort} other {# Wörter}}   plural, # is the number
 *   {who, select, you {Du hast} other {{name} hat}}            select, `other` required
 *
 * Nesting works (a select inside a plural and the other way round). No apostrophe quoting: the
 * catalogues use typographic quotes. A value the caller did not pass stays visible as `{name}`,
 * so a missing parameter is noticed rather than silently empty.
 */
export type MessageValue = string | number;
export type MessageValues = Record<string, MessageValue>;

type Part =
  | { kind: 'text'; value: string }
  | { kind: 'arg'; name: string }
  | { kind: 'pound' }
  | { kind: 'plural'; name: string; offset: number; options: Map<string, Part[]> }
  | { kind: 'select'; name: string; options: Map<string, Part[]> };

export class MessageSyntaxError extends Error {}

const cache = new Map<string, Part[]>();

export function parseMessage(source: string): Part[] {
  let parsed = cache.get(source);
  if (!parsed) {
    const parser = new Parser(source);
    parsed = parser.parts(false, false);
    if (parser.pos < source.length) parser.fail('unexpected }');
    cache.set(source, parsed);
  }
  return parsed;
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  fail(message: string): never {
    throw new MessageSyntaxError(`${message} at ${this.pos} in “${this.src}”`);
  }

  /** Until the closing brace of an option (nested) or the end (top level). */
  parts(nested: boolean, inPlural: boolean): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '}') {
        if (!nested) break;
        flush();
        return out;
      }
      if (ch === '{') {
        flush();
        out.push(this.argument());
        continue;
      }
      if (ch === '#' && inPlural) {
        flush();
        out.push({ kind: 'pound' });
        this.pos++;
        continue;
      }
      text += ch;
      this.pos++;
    }
    if (nested) this.fail('missing }');
    flush();
    return out;
  }

  private argument(): Part {
    this.pos++; // {
    const name = this.word();
    if (!name) this.fail('argument name expected');
    this.space();
    if (this.src[this.pos] === '}') {
      this.pos++;
      return { kind: 'arg', name };
    }
    if (this.src[this.pos] !== ',') this.fail('expected , or }');
    this.pos++;
    this.space();
    const type = this.word();
    this.space();
    if (this.src[this.pos] !== ',') this.fail('expected , after the type');
    this.pos++;
    if (type === 'plural') {
      this.space();
      let offset = 0;
      const m = /^offset:(\d+)/u.exec(this.src.slice(this.pos));
      if (m) {
        offset = Number(m[1]);
        this.pos += m[0].length;
      }
      const options = this.options(true);
      if (!options.has('other')) this.fail('plural needs an “other” option');
      return { kind: 'plural', name, offset, options };
    }
    if (type === 'select') {
      const options = this.options(false);
      if (!options.has('other')) this.fail('select needs an “other” option');
      return { kind: 'select', name, options };
    }
    return this.fail(`unknown type “${type}”`);
  }

  private options(inPlural: boolean): Map<string, Part[]> {
    const options = new Map<string, Part[]>();
    for (;;) {
      this.space();
      if (this.src[this.pos] === '}') {
        this.pos++;
        return options;
      }
      const key = this.word(true);
      if (!key) this.fail('option key expected');
      this.space();
      if (this.src[this.pos] !== '{') this.fail(`expected { after “${key}”`);
      this.pos++;
      options.set(key, this.parts(true, inPlural));
      this.pos++; // }
    }
  }

  private word(allowEquals = false): string {
    const re = allowEquals ? /^=?[\w-]+/u : /^[\w-]+/u;
    const m = re.exec(this.src.slice(this.pos));
    if (!m) return '';
    this.pos += m[0].length;
    return m[0];
  }

  private space(): void {
    while (/\s/u.test(this.src[this.pos] ?? '')) this.pos++;
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function pluralCategory(locale: string, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

function formatNumber(locale: string, n: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

export function formatMessage(
  source: string,
  values: MessageValues | undefined,
  locale: string,
): string {
  return render(parseMessage(source), values ?? {}, locale, null);
}

function render(
  parts: Part[],
  values: MessageValues,
  locale: string,
  pound: string | null,
): string {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.value;
        break;
      case 'pound':
        out += pound ?? '#';
        break;
      case 'arg': {
        const value = values[part.name];
        // Plain values are not reformatted: a year or an id must not become "2.026".
        out += value === undefined ? `{${part.name}}` : String(value);
        break;
      }
      case 'plural': {
        const raw = values[part.name];
        const n = typeof raw === 'number' ? raw : Number(raw);
        if (raw === undefined || Number.isNaN(n)) {
          out += `{${part.name}}`;
          break;
        }
        const option =
          part.options.get(`=${n}`) ??
          part.options.get(pluralCategory(locale, n - part.offset)) ??
          part.options.get('other')!;
        out += render(option, values, locale, formatNumber(locale, n - part.offset));
        break;
      }
      case 'select': {
        const raw = values[part.name];
        const option = part.options.get(String(raw)) ?? part.options.get('other')!;
        out += render(option, values, locale, pound);
        break;
      }
    }
  }
  return out;
}

export type ArgumentInfo = { name: string; type: 'value' | 'plural' | 'select'; keys?: string[] };

/** Every argument a message reads, including those inside plural and select options. */
export function messageArguments(source: string): ArgumentInfo[] {
  const found = new Map<string, ArgumentInfo>();
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (part.kind === 'arg') {
        if (!found.has(part.name)) found.set(part.name, { name: part.name, type: 'value' });
      } else if (part.kind === 'plural' || part.kind === 'select') {
        found.set(part.name, {
          name: part.name,
          type: part.kind,
          keys: [...part.options.keys()],
        });
        for (const option of part.options.values()) walk(option);
      }
    }
  };
  walk(parseMessage(source));
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
