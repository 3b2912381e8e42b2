import type { Channel, Post } from '@postplan/contracts';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { PostFormValues } from '../utils/post-form';

type Props = {
  mine: Pick<PostFormValues, 'title' | 'text' | 'channels'>;
  current: Post;
  channelsById: ReadonlyMap<string, Channel>;
};

/** A version as one text a person can read and copy: title, base text, each channel's own text. */
export function versionText(
  version: { title: string; text: string; channels: { channelId: string; text: string | null }[] },
  channelName: (id: string) => string,
): string {
  const parts = [version.title.trim(), version.text.trim()].filter(Boolean);
  for (const c of version.channels) {
    if (c.text && c.text.trim()) parts.push(`${channelName(c.channelId)}:\n${c.text.trim()}`);
  }
  return parts.join('\n\n');
}

/**
 * After an edit conflict: the saved version and the person's own side by side, theirs kept
 * selectable and copyable, so loading the current version never throws their work away.
 */
export function ConflictCompare({ mine, current, channelsById }: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const name = (id: string) => channelsById.get(id)?.name ?? id;
  const yours = versionText(mine, name);
  const theirs = versionText(
    {
      title: current.title,
      text: current.text,
      channels: current.variants.map((v) => ({ channelId: v.channelId, text: v.text })),
    },
    name,
  );
  const copy = () => {
    void navigator.clipboard?.writeText(yours).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="conflict-compare" data-testid="conflict-compare">
      <section className="conflict-compare__side" aria-labelledby="conflict-yours">
        <h3 id="conflict-yours" className="conflict-compare__title">
          {t('editor.conflict.yours')}
        </h3>
        <textarea
          className="conflict-compare__text"
          readOnly
          value={yours}
          aria-labelledby="conflict-yours"
          data-testid="conflict-yours"
          rows={8}
        />
        <button type="button" className="button button--small" onClick={copy}>
          {copied ? t('editor.conflict.copied') : t('editor.conflict.copy')}
        </button>
      </section>
      <section className="conflict-compare__side" aria-labelledby="conflict-current">
        <h3 id="conflict-current" className="conflict-compare__title">
          {t('editor.conflict.current', { version: current.version })}
        </h3>
        <textarea
          className="conflict-compare__text"
          readOnly
          value={theirs}
          aria-labelledby="conflict-current"
          data-testid="conflict-current"
          rows={8}
        />
      </section>
    </div>
  );
}
