import { type RuleContext, text } from '../core/rule-context';
import { type Platform } from '../core/types';
import { type DuplicateIndex } from '../duplicates/duplicate-index';
import { estimateSimilarity, signTextRecent } from '../duplicates/minhash';
import { PLATFORM_PROFILES } from '../platforms/platform-profiles';

export type SiblingVariant = { channelId: string; platform: Platform; text: string };
export type DuplicateContext = {
  index?: DuplicateIndex;
  siblings?: readonly SiblingVariant[];
  channelId?: string;
  postId?: string;
  now: Date;
};

const DAY = 86_400_000;

/**
 * Boilerplate and double posting. X rejects a post identical to one the account posted recently
 * and forbids the same text on several X accounts, so those are errors; everywhere else a repeat is
 * a warning, and the same text going to several platforms at once a hint to adapt it.
 */
export function duplicateRule(context: RuleContext, duplicates: DuplicateContext): void {
  const { settings, platform } = context;
  const range = {
    start: context.analysis.sentences[0]?.start ?? 0,
    end: context.text.trimEnd().length,
  };
  if (range.end <= range.start) return;

  if (duplicates.index && duplicates.channelId) {
    const since = new Date(duplicates.now.getTime() - settings.duplicateWindowDays * DAY);
    const [match] = duplicates.index.query(context.text, duplicates.channelId, since, {
      minSimilarity: settings.duplicateMinSimilarity,
      ...(duplicates.postId ? { excludeId: duplicates.postId } : {}),
      limit: 1,
    });
    if (match) {
      const date = match.at.toISOString().slice(0, 10);
      const percent = Math.round(match.similarity * 100);
      if (platform === 'x' && match.identical) {
        context.report('duplicate.x-identical', {
          ...range,
          message: text(
            `Denselben Text hat dieser X-Kanal am ${date} schon gepostet. X lehnt identische Posts ab – ändere den Text.`,
            `This X channel posted the same text on ${date}. X rejects identical posts – change the text.`,
          ),
        });
      } else {
        context.report('duplicate.recent', {
          ...range,
          message: text(
            `Zu ${percent} % gleich wie ein Post auf diesem Kanal vom ${date}. Wiederholungen wirken wie Textbausteine – formuliere neu.`,
            `${percent}% the same as a post on this channel from ${date}. Repeats read as boilerplate – rephrase it.`,
          ),
        });
      }
    }
  }

  const siblings = (duplicates.siblings ?? []).filter((s) => s.channelId !== duplicates.channelId);
  if (siblings.length === 0) return;
  const own = signTextRecent(context.text);
  if (own.empty) return;
  const same = siblings.filter((s) => {
    const other = signTextRecent(s.text);
    return (
      other.fingerprint === own.fingerprint ||
      estimateSimilarity(own.minhash, other.minhash) >= settings.duplicateMinSimilarity
    );
  });
  const otherX = same.filter((s) => s.platform === 'x');
  if (platform === 'x' && otherX.length > 0) {
    context.report('duplicate.x-identical', {
      ...range,
      message: text(
        `Derselbe Text geht an ${otherX.length + 1} X-Kanäle. X verbietet identische Posts über mehrere Konten – passe jede Fassung an.`,
        `The same text goes to ${otherX.length + 1} X channels. X forbids identical posts across accounts – adapt each version.`,
      ),
    });
  }
  const elsewhere = same.filter((s) => !(platform === 'x' && s.platform === 'x'));
  if (elsewhere.length > 0) {
    const names = [...new Set(elsewhere.map((s) => PLATFORM_PROFILES[s.platform].name))].join(', ');
    context.report('duplicate.cross-channel', {
      ...range,
      message: text(
        `Derselbe Text geht auch an ${names}. Passe ihn an die Plattform an: Länge, Hashtags, Ansprache.`,
        `The same text also goes to ${names}. Adapt it to each platform: length, hashtags, tone.`,
      ),
    });
  }
}
