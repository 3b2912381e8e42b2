import { type RuleContext, text } from '../core/rule-context';
import { PLATFORM_PROFILES } from '../platforms/platform-profiles';
import { insideAny } from '../text/entities';

// Typos of the scheme: "htps://", "https//", "http:/", "https:\\" and friends.
const BROKEN_SCHEME =
  /(?<![\p{L}\p{N}])(h+t+p+s?|t+p+s?)(:\/\/+|:\/|\/\/|:\\\\|;\/\/)(?=[\p{L}\p{N}])/giu;

/** Malformed and plain-http links, and Threads' cap of five links per post. */
export function linkRule(context: RuleContext): void {
  const urls = context.analysis.entities.filter((e) => e.kind === 'url');

  const broken: { start: number; end: number }[] = [];
  for (const match of context.text.matchAll(BROKEN_SCHEME)) {
    const scheme = match[1]!.toLowerCase();
    const separator = match[2]!;
    if ((scheme === 'http' || scheme === 'https') && separator === '://') continue;
    const start = match.index;
    const end = start + match[0].length;
    const replacement = scheme.endsWith('s') || scheme.length <= 3 ? 'https://' : 'http://';
    broken.push({ start, end });
    context.report('links.malformed', {
      start,
      end,
      message: text(
        `„${match[0]}“ ist kein gültiger Linkanfang. Richtig ist „${replacement}“.`,
        `“${match[0]}” is not a valid link start. It should be “${replacement}”.`,
      ),
      fix: {
        start,
        end,
        replacement,
        label: text(`„${replacement}“ schreiben`, `Write “${replacement}”`),
      },
    });
  }

  for (const url of urls) {
    if (insideAny(url, broken)) continue;
    const problem = hostProblem(url.value);
    if (problem) {
      context.report('links.malformed', {
        start: url.start,
        end: url.end,
        message: text(
          `Der Link ${url.value} ist fehlerhaft: ${problem.de}.`,
          `The link ${url.value} is malformed: ${problem.en}.`,
        ),
      });
      continue;
    }
    if (/^http:\/\//iu.test(url.value)) {
      context.report('links.insecure', {
        start: url.start,
        end: url.end,
        message: text(
          'Unverschlüsselter Link (http). Browser warnen davor; fast jede Seite gibt es auch mit https.',
          'Unencrypted link (http). Browsers warn about it; almost every site also works with https.',
        ),
        fix: {
          start: url.start,
          end: url.start + 7,
          replacement: 'https://',
          label: text('Auf https umstellen', 'Switch to https'),
        },
      });
    }
  }

  const maxLinks = PLATFORM_PROFILES[context.platform].maxLinks;
  if (maxLinks !== undefined) {
    const unique = new Map<string, (typeof urls)[number]>();
    for (const url of urls) if (!unique.has(url.value)) unique.set(url.value, url);
    const distinct = [...unique.values()];
    if (distinct.length > maxLinks) {
      const over = distinct.slice(maxLinks);
      context.report('links.limit', {
        start: over[0]!.start,
        end: over[over.length - 1]!.end,
        message: text(
          `${PLATFORM_PROFILES[context.platform].name} lehnt Posts mit mehr als ${maxLinks} Links ab; dieser hat ${distinct.length}.`,
          `${PLATFORM_PROFILES[context.platform].name} rejects posts with more than ${maxLinks} links; this one has ${distinct.length}.`,
        ),
      });
    }
  }
}

function hostProblem(value: string): { de: string; en: string } | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//iu.test(value) ? value : `https://${value}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(withScheme)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https')
    return { de: `„${scheme}“ öffnet kein Browser`, en: `browsers do not open “${scheme}” links` };
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return { de: 'die Adresse lässt sich nicht lesen', en: 'the address cannot be parsed' };
  }
  if (host === 'localhost' || /^\d{1,3}(?:\.\d{1,3}){3}$/u.test(host) || host.startsWith('['))
    return undefined;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0))
    return {
      de: 'der Domain fehlt die Endung (z. B. .de)',
      en: 'the domain has no ending (such as .com)',
    };
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-')))
    return {
      de: 'ein Teil der Domain beginnt oder endet mit „-“',
      en: 'a part of the domain starts or ends with “-”',
    };
  const tld = labels[labels.length - 1]!;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/u.test(tld))
    return { de: `„.${tld}“ ist keine Domain-Endung`, en: `“.${tld}” is not a domain ending` };
  return undefined;
}
