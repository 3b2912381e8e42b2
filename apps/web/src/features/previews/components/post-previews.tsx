import type { Channel } from '@postplan/contracts';
import { buildPostPreview, type PreviewMediaInput } from '@postplan/domain';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { previewAccount } from '../utils/preview-account';
import { PlatformPreview } from './platform-preview';
import '../previews.css';

export type PreviewVariant = {
  channelId: string;
  /** The channel's own text; empty for the base text. */
  text: string;
  options?: Readonly<Record<string, unknown>>;
  /** The channel's own media; absent for the post's media. */
  media?: readonly PreviewMediaInput[];
};

type PostPreviewsProps = {
  channels: readonly Channel[];
  title: string;
  baseText: string;
  baseMedia?: readonly PreviewMediaInput[];
  variants: readonly PreviewVariant[];
};

/** Every target channel's post as its platform will show it, as the person types. */
export function PostPreviews({
  channels,
  title,
  baseText,
  baseMedia,
  variants,
}: PostPreviewsProps) {
  const { t } = useI18n();
  const byId = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  const previews = useMemo(
    () =>
      variants.flatMap((v) => {
        const channel = byId.get(v.channelId);
        if (!channel) return [];
        return [
          {
            channelId: v.channelId,
            preview: buildPostPreview({
              platform: channel.platform,
              text: v.text.trim() ? v.text : baseText,
              title,
              media: v.media ?? baseMedia ?? [],
              options: v.options ?? {},
              account: previewAccount(channel),
            }),
          },
        ];
      }),
    [variants, byId, baseText, baseMedia, title],
  );

  return (
    <section
      className="post-previews"
      aria-labelledby="post-previews-title"
      data-testid="post-previews"
    >
      <h3 id="post-previews-title" className="post-previews__title">
        {t('preview.title')}
      </h3>
      {previews.length === 0 ? (
        <p className="field__hint">{t('preview.empty')}</p>
      ) : (
        <>
          <p className="field__hint">{t('preview.hint')}</p>
          <div className="post-previews__list">
            {previews.map((p) => (
              <PlatformPreview key={p.channelId} channelId={p.channelId} preview={p.preview} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
