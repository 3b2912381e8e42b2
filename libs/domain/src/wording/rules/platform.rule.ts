import { type RuleContext, formatNumber, text } from '../core/rule-context';
import { type MediaItem } from '../core/types';
import { PLATFORM_PROFILES } from '../platforms/platform-profiles';
import { type Measurement } from '../platforms/text-length';

const UNIT_NAMES: Record<Measurement['unit'], { de: string; en: string }> = {
  weighted: { de: 'gewichtete Zeichen', en: 'weighted characters' },
  graphemes: { de: 'Zeichen', en: 'characters' },
  characters: { de: 'Zeichen', en: 'characters' },
  utf16: { de: 'Zeichen', en: 'characters' },
  bytes: { de: 'Bytes', en: 'bytes' },
};

/** Over the platform's text limit: an error on the part that does not fit. */
/** `tagged`: the measurement is of the text with its links tagged by the campaign, as it goes out. */
export function lengthRule(context: RuleContext, measurement: Measurement, tagged = false): void {
  const name = PLATFORM_PROFILES[context.platform].name;
  if (measurement.limit !== null && measurement.overflowStart !== null) {
    const over = measurement.used - measurement.limit;
    const unit = UNIT_NAMES[measurement.unit];
    const de = tagged ? ' mit den Kampagnen-Parametern der Links' : '';
    const en = tagged ? " with the campaign's link parameters" : '';
    context.report('length.limit', {
      start: measurement.overflowStart,
      end: context.text.length,
      message: text(
        `${formatNumber(over, 'de')} ${unit.de} zu lang: ${name} erlaubt ${formatNumber(measurement.limit, 'de')}, der Text hat${de} ${formatNumber(measurement.used, 'de')}. Kürze ab der markierten Stelle.`,
        `${formatNumber(over, 'en')} ${unit.en} too long: ${name} allows ${formatNumber(measurement.limit, 'en')}, the text has ${formatNumber(measurement.used, 'en')}${en}. Shorten from the marked point.`,
      ),
    });
  }
  const bytes = measurement.bytes;
  if (bytes && bytes.overflowStart !== null) {
    context.report('length.bytes', {
      start: bytes.overflowStart,
      end: context.text.length,
      message: text(
        `${name} erlaubt höchstens ${formatNumber(bytes.limit, 'de')} Bytes (UTF-8), der Text hat ${formatNumber(bytes.used, 'de')}: Emoji und Sonderzeichen zählen mehrfach.`,
        `${name} allows at most ${formatNumber(bytes.limit, 'en')} bytes (UTF-8); the text has ${formatNumber(bytes.used, 'en')}: emoji and special characters count several times.`,
      ),
    });
  }
  mentionLimit(context);
}

function mentionLimit(context: RuleContext): void {
  const profile = PLATFORM_PROFILES[context.platform];
  if (profile.maxMentions === undefined) return;
  const mentions = context.analysis.entities.filter((e) => e.kind === 'mention');
  if (mentions.length <= profile.maxMentions) return;
  const over = mentions.slice(profile.maxMentions);
  context.report('mentions.limit', {
    start: over[0]!.start,
    end: over[over.length - 1]!.end,
    message: text(
      `${profile.name} erlaubt höchstens ${profile.maxMentions} Erwähnungen, der Post hat ${mentions.length}. Streiche ${over.length}.`,
      `${profile.name} allows at most ${profile.maxMentions} mentions; the post has ${mentions.length}. Remove ${over.length}.`,
    ),
  });
}

const KIND_NAMES = {
  image: { de: 'Bild', en: 'image' },
  video: { de: 'Video', en: 'video' },
  gif: { de: 'GIF', en: 'GIF' },
};

/** Count and kinds of attachments the platform accepts, and alt text for everyone who cannot see them. */
export function mediaRule(context: RuleContext): void {
  const { media, platform } = context;
  const profile = PLATFORM_PROFILES[platform];
  const rules = profile.media;
  if (rules) {
    if (rules.required && media.length === 0) {
      context.report('media.required', {
        start: 0,
        end: 0,
        message: text(
          `${profile.name} braucht mindestens ein Bild oder Video.`,
          `${profile.name} needs at least one image or video.`,
        ),
      });
    }
    media.forEach((item, index) => {
      if (item.kind === 'gif' && rules.gif === 'unsupported') {
        context.report('media.type', {
          start: 0,
          end: 0,
          mediaIndex: index,
          message: text(
            `${profile.name} nimmt keine GIFs an. Wandle es in ein Video (MP4) um.`,
            `${profile.name} does not accept GIFs. Convert it to a video (MP4).`,
          ),
        });
      }
    });
    const asVideo = (item: MediaItem) =>
      item.kind === 'video' || (item.kind === 'gif' && rules.gif === 'video');
    const videos = media.filter(asVideo).length;
    const images = media.length - videos;
    if (media.length > rules.max) {
      context.report('media.count', {
        start: 0,
        end: 0,
        message: text(
          `${profile.name} erlaubt höchstens ${rules.max} Anhänge, der Post hat ${media.length}.`,
          `${profile.name} allows at most ${rules.max} attachments; the post has ${media.length}.`,
        ),
      });
    } else if (rules.videoAlone && videos > 0 && media.length > 1) {
      context.report('media.count', {
        start: 0,
        end: 0,
        message: text(
          `Auf ${profile.name} muss ein Video oder GIF allein stehen. Verteile die Anhänge auf mehrere Posts.`,
          `On ${profile.name} a video or GIF must be the only attachment. Spread the attachments over several posts.`,
        ),
      });
    } else if (!rules.mixing && videos > 0 && images > 0) {
      context.report('media.count', {
        start: 0,
        end: 0,
        message: text(
          `${profile.name} mischt keine Bilder und Videos in einem Post.`,
          `${profile.name} does not mix images and videos in one post.`,
        ),
      });
    }
  }
  media.forEach((item, index) => {
    if (item.kind === 'video' || (item.altText ?? '').trim().length > 0) return;
    const kind = KIND_NAMES[item.kind];
    context.report('media.alt-text', {
      start: 0,
      end: 0,
      mediaIndex: index,
      message: text(
        `${kind.de} ${index + 1} hat keinen Alternativtext. Beschreibe, was darauf zu sehen ist – für alle, die es nicht sehen können.`,
        `${capitalizeFirst(kind.en)} ${index + 1} has no alt text. Describe what it shows for everyone who cannot see it.`,
      ),
    });
  });
}

function capitalizeFirst(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
