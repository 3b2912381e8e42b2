import { foldWord } from '../brand/brand-matcher';
import { type RuleContext, text } from '../core/rule-context';
import { PLATFORM_PROFILES } from '../platforms/platform-profiles';
import { splitCompound } from '../spelling/compounds';
import { capitalize } from '../spelling/spell-checker';
import { type TextEntity } from '../text/entities';

/** Hashtag count (hard limit and audience tolerance), duplicates and readable CamelCase. */
export function hashtagRule(context: RuleContext): void {
  const hashtags = context.analysis.entities.filter((e) => e.kind === 'hashtag');
  if (hashtags.length === 0) return;
  const profile = PLATFORM_PROFILES[context.platform];

  if (profile.maxHashtags !== undefined && hashtags.length > profile.maxHashtags) {
    const over = hashtags.slice(profile.maxHashtags);
    context.report('hashtags.limit', {
      start: over[0]!.start,
      end: over[over.length - 1]!.end,
      message: text(
        `${profile.name} erlaubt höchstens ${profile.maxHashtags} Hashtags, der Post hat ${hashtags.length}. Streiche ${over.length}.`,
        `${profile.name} allows at most ${profile.maxHashtags} hashtags; the post has ${hashtags.length}. Remove ${over.length}.`,
      ),
    });
  } else {
    const recommended = context.settings.recommendedHashtags ?? profile.recommendedHashtags;
    if (recommended !== undefined && hashtags.length > recommended) {
      const over = hashtags.slice(recommended);
      context.report('hashtags.too-many', {
        start: over[0]!.start,
        end: over[over.length - 1]!.end,
        message: text(
          `${hashtags.length} Hashtags – auf ${profile.name} wirken mehr als ${recommended} wie Spam. Behalte die ${recommended} wichtigsten.`,
          `${hashtags.length} hashtags – on ${profile.name} more than ${recommended} look like spam. Keep the ${recommended} that matter most.`,
        ),
      });
    }
  }

  const seen = new Map<string, TextEntity>();
  for (const tag of hashtags) {
    const key = foldWord(tag.value.slice(1));
    const first = seen.get(key);
    if (!first) {
      seen.set(key, tag);
      continue;
    }
    // Remove the duplicate together with the space before it.
    const removeFrom = /\s/u.test(context.text[tag.start - 1] ?? '') ? tag.start - 1 : tag.start;
    context.report('hashtags.duplicate', {
      start: tag.start,
      end: tag.end,
      message: text(
        `${tag.value} steht schon einmal im Post.`,
        `${tag.value} is already in the post.`,
      ),
      fix: {
        start: removeFrom,
        end: tag.end,
        replacement: '',
        label: text('Doppelten Hashtag entfernen', 'Remove the duplicate hashtag'),
      },
    });
  }

  if (context.knownWord) {
    for (const tag of hashtags) camelCase(context, tag, context.knownWord);
  }
}

/**
 * Screen readers read "#sommerschlussverkauf" as one unpronounceable word; "#SommerSchlussVerkauf"
 * word by word. Only suggested when every part is a known word, so we never guess a split.
 */
function camelCase(
  context: RuleContext,
  tag: TextEntity,
  isKnown: (word: string) => boolean,
): void {
  const body = tag.value.slice(1);
  if (body.length < 8 || body !== body.toLowerCase() || !/^[\p{L}\p{M}]+$/u.test(body)) return;
  if (isKnown(body) || isKnown(capitalize(body))) return;
  const parts = splitCompound(body, isKnown);
  if (!parts) return;
  const replacement = `#${parts.map(capitalize).join('')}`;
  context.report('hashtags.camel-case', {
    start: tag.start,
    end: tag.end,
    message: text(
      `Schreib ${replacement}: Mit großen Anfangsbuchstaben lesen Menschen und Screenreader den Hashtag Wort für Wort.`,
      `Write ${replacement}: with capitals, people and screen readers read the hashtag word by word.`,
    ),
    fix: {
      start: tag.start,
      end: tag.end,
      replacement,
      label: text(`${replacement} schreiben`, `Write ${replacement}`),
    },
  });
}
