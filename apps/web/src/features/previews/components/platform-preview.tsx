import type { PostPreview, PreviewMedia } from '@postplan/domain';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { aspectLabel } from '../utils/aspect-label';

type PlatformPreviewProps = {
  preview: PostPreview;
  /** For test ids and labels: the channel this preview belongs to. */
  channelId: string;
};

/**
 * One channel's post as its feed will show it: the account header, the text up to the fold
 * with the platform's "more", the media in their frames, the link card and the first comment.
 * A click on "more" unfolds the text, as it would on the platform.
 */
export function PlatformPreview({ preview, channelId }: PlatformPreviewProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { text } = preview;
  const folded = text.foldIndex !== null && !open;
  const shown = folded ? text.visible : text.full;
  const over = text.overLimit;
  const commentLabel =
    preview.platform === 'bluesky' || preview.platform === 'mastodon'
      ? t('preview.reply')
      : t('preview.firstComment');

  return (
    <article
      className={`platform-preview platform-preview--${preview.platform} platform-preview--${preview.layout}${preview.mediaFirst ? ' platform-preview--media-first' : ''}`}
      data-testid={`preview-${channelId}`}
      aria-label={t('preview.of', { platform: preview.platformName, name: preview.header.name })}
    >
      <header className="platform-preview__header">
        <span className="platform-preview__avatar" aria-hidden="true">
          {preview.header.name.trim().charAt(0).toUpperCase() || '?'}
        </span>
        <span className="platform-preview__who">
          <strong>{preview.header.name}</strong>
          {preview.header.handle && (
            <span className="platform-preview__handle">@{preview.header.handle}</span>
          )}
        </span>
        <span className="platform-preview__platform">
          {preview.platformName}
          {preview.layout === 'story' && ` · ${t('preview.layout.story')}`}
          {preview.layout === 'reel' && ` · ${t('preview.layout.reel')}`}
        </span>
      </header>

      {preview.title && <p className="platform-preview__title">{preview.title}</p>}

      {preview.contentWarning && (
        <p className="platform-preview__cw" data-testid="preview-cw">
          {t('preview.contentWarning', { text: preview.contentWarning })}
        </p>
      )}

      {!text.hidden && (
        <div className="platform-preview__text" data-testid="preview-text">
          {shown && (
            <PreviewText text={shown} overStart={open || !folded ? over?.start : undefined} />
          )}
          {folded && (
            <>
              {text.foldReason !== 'content_warning' && text.visible && '… '}
              <button
                type="button"
                className="platform-preview__more"
                onClick={() => setOpen(true)}
                data-testid="preview-more"
              >
                {t(`preview.more.${text.moreLabel}`)}
              </button>
            </>
          )}
          {open && text.foldIndex !== null && (
            <button type="button" className="platform-preview__more" onClick={() => setOpen(false)}>
              {t('preview.less')}
            </button>
          )}
        </div>
      )}
      {over && (
        <p className="platform-preview__over" role="note">
          {t('preview.overLimit', { used: over.used, limit: over.limit })}
        </p>
      )}

      {preview.media.length > 0 && (
        <div
          className={`platform-preview__media platform-preview__media--${preview.mediaLayout}`}
          data-count={preview.media.length}
        >
          {preview.media.map((m, i) => (
            <PreviewImage
              key={m.id}
              media={m}
              hiddenBehind={preview.mediaLayout === 'carousel' && i > 0}
            />
          ))}
        </div>
      )}

      {preview.linkCard && (
        <a
          className="platform-preview__card"
          href={preview.linkCard.url}
          target="_blank"
          rel="noreferrer noopener"
          data-testid="preview-link-card"
        >
          <span className="platform-preview__card-host">{preview.linkCard.host}</span>
          <span className="platform-preview__card-url">{preview.linkCard.url}</span>
        </a>
      )}

      {preview.firstComment && (
        <div className="platform-preview__comment" data-testid="preview-first-comment">
          <span className="platform-preview__comment-label">{commentLabel}</span>
          <p>{preview.firstComment}</p>
        </div>
      )}

      {preview.notes.length > 0 && (
        <ul className="platform-preview__notes">
          {preview.notes.map((note) => (
            <li key={note}>{t(`preview.note.${note}`, { platform: preview.platformName })}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** The text with line breaks kept, and the part over the limit marked. */
function PreviewText({ text, overStart }: { text: string; overStart: number | undefined }) {
  const { t } = useI18n();
  if (overStart === undefined || overStart >= text.length) {
    return <span className="platform-preview__body">{text}</span>;
  }
  return (
    <span className="platform-preview__body">
      {text.slice(0, overStart)}
      <mark className="platform-preview__overflow" title={t('preview.overflowTitle')}>
        {text.slice(overStart)}
      </mark>
    </span>
  );
}

function PreviewImage({ media, hiddenBehind }: { media: PreviewMedia; hiddenBehind: boolean }) {
  const { t } = useI18n();
  const { crop } = media;
  return (
    <figure
      className="platform-preview__frame"
      style={{ aspectRatio: String(crop.aspect) }}
      hidden={hiddenBehind}
      data-testid="preview-image"
      data-cropped={crop.cropped ? 'true' : 'false'}
    >
      {/* Videos show their poster frame, as the feed does before they play. */}
      <img src={media.url} alt={media.altText ?? ''} loading="lazy" />
      {media.mimeType.startsWith('video/') && (
        <span className="platform-preview__play" aria-hidden="true">
          ▶
        </span>
      )}
      {crop.cropped && (
        <figcaption className="platform-preview__crop">
          {t('preview.cropped', { ratio: aspectLabel(crop.aspect) })}
        </figcaption>
      )}
      {!media.altText && <span className="platform-preview__noalt">{t('preview.noAlt')}</span>}
    </figure>
  );
}
