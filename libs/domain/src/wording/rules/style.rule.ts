import { type RuleContext, text } from '../core/rule-context';
import { hasLetter } from '../text/words';

/** ALL-CAPS runs read as shouting; a wall of emoji hides the message and trips screen readers. */
export function styleRule(context: RuleContext): void {
  shouting(context);
  emojiOveruse(context);
}

function shouting(context: RuleContext): void {
  const words = context.analysis.words;
  const min = context.settings.minShoutingWords;
  let runStart = -1;
  const flush = (endIndex: number) => {
    const count = endIndex - runStart;
    const run = words.slice(runStart, endIndex);
    if (count >= min && run.some((w) => w.text.length >= 4)) {
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      const calm = toSentenceCase(context.text.slice(start, end));
      context.report('style.all-caps', {
        start,
        end,
        message: text(
          `${count} Wörter in Großbuchstaben wirken wie Schreien und sind schwerer zu lesen. Hebe höchstens ein Wort hervor.`,
          `${count} words in capitals read as shouting and are harder to read. Emphasise one word at most.`,
        ),
        fix: {
          start,
          end,
          replacement: calm,
          label: text('In normale Schreibung ändern', 'Change to normal case'),
        },
      });
    }
    runStart = -1;
  };
  words.forEach((word, i) => {
    if (isShouted(word.text)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) flush(i);
  });
  if (runStart >= 0) flush(words.length);
}

function isShouted(word: string): boolean {
  if (word === word.toLowerCase()) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 &&
    hasLetter(word) &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

// German nouns keep their capital, which a sentence-case conversion cannot know; the fix
// lower-cases and capitalises the first letter, and the spell checker flags what is left.
function toSentenceCase(value: string): string {
  const lower = value.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function emojiOveruse(context: RuleContext): void {
  const { emoji } = context.analysis;
  const { maxEmoji, maxEmojiRun } = context.settings;
  let runStart = 0;
  for (let i = 1; i <= emoji.length; i++) {
    const contiguous = i < emoji.length && emoji[i]!.start === emoji[i - 1]!.end;
    if (contiguous) continue;
    const count = i - runStart;
    if (count > maxEmojiRun) {
      context.report('style.emoji-overuse', {
        start: emoji[runStart]!.start,
        end: emoji[i - 1]!.end,
        message: text(
          `${count} Emoji hintereinander. Screenreader lesen jedes einzeln vor; ${maxEmojiRun} reichen.`,
          `${count} emoji in a row. Screen readers read out every one; ${maxEmojiRun} are enough.`,
        ),
      });
    }
    runStart = i;
  }
  if (emoji.length > maxEmoji) {
    context.report('style.emoji-overuse', {
      start: emoji[maxEmoji]!.start,
      end: emoji[emoji.length - 1]!.end,
      message: text(
        `${emoji.length} Emoji im Post. Mehr als ${maxEmoji} lenken von der Botschaft ab.`,
        `${emoji.length} emoji in the post. More than ${maxEmoji} distract from the message.`,
      ),
    });
  }
}
