import type { ContentDiff } from '@postplan/contracts';
import { useI18n } from '../../../lib/i18n/i18n-context';

type TextDiff = ContentDiff['text'];

/**
 * A word-level diff as running text. Insertions and deletions are <ins> and <del>; since screen
 * readers mostly do not announce those elements, each carries a spoken start and end marker.
 */
export function TextDiffView({ diff, testId }: { diff: TextDiff; testId?: string }) {
  const { t } = useI18n();
  return (
    <p className="text-diff" data-testid={testId}>
      {diff.segments.map((segment, i) => {
        switch (segment.kind) {
          case 'equal':
            return <span key={i}>{segment.text}</span>;
          case 'insert':
            return (
              <ins key={i} className="text-diff__ins">
                <span className="visually-hidden">{t('diff.insertStart')} </span>
                {segment.text}
                <span className="visually-hidden"> {t('diff.insertEnd')}</span>
              </ins>
            );
          case 'delete':
            return (
              <del key={i} className="text-diff__del">
                <span className="visually-hidden">{t('diff.deleteStart')} </span>
                {segment.text}
                <span className="visually-hidden"> {t('diff.deleteEnd')}</span>
              </del>
            );
        }
      })}
    </p>
  );
}

type ContentDiffViewProps = {
  diff: ContentDiff;
  channelName: (channelId: string) => string;
};

/** Per field and per channel variant: only what changed, so a reviewer's eye goes there. */
export function ContentDiffView({ diff, channelName }: ContentDiffViewProps) {
  const { t } = useI18n();
  if (!diff.changed) {
    return (
      <p className="content-diff__unchanged" data-testid="diff-unchanged">
        {t('diff.unchanged')}
      </p>
    );
  }
  const variants = diff.variants.filter((v) => v.changed);
  return (
    <div className="content-diff" data-testid="content-diff">
      <p className="field__hint">{t('diff.legend')}</p>
      {diff.title.changed && (
        <section className="content-diff__field">
          <h5 className="content-diff__label">{t('diff.field.title')}</h5>
          <TextDiffView diff={diff.title} testId="diff-title" />
        </section>
      )}
      {diff.text.changed && (
        <section className="content-diff__field">
          <h5 className="content-diff__label">{t('diff.field.text')}</h5>
          <TextDiffView diff={diff.text} testId="diff-text" />
        </section>
      )}
      {diff.media.length > 0 && <p className="content-diff__note">{t('diff.media')}</p>}
      {diff.optionsChanged && <p className="content-diff__note">{t('diff.options')}</p>}
      {variants.map((v) => {
        const notes: string[] = [];
        if (v.presence === 'added') notes.push(t('diff.channel.added'));
        if (v.presence === 'removed') notes.push(t('diff.channel.removed'));
        if (v.presence === 'kept' && v.inheritsBase.before && !v.inheritsBase.after)
          notes.push(t('diff.channel.nowOwn'));
        if (v.presence === 'kept' && !v.inheritsBase.before && v.inheritsBase.after)
          notes.push(t('diff.channel.nowBase'));
        // A channel that uses the base text before and after shows the base text's diff above.
        const sameAsBase = v.inheritsBase.before && v.inheritsBase.after;
        if (sameAsBase && v.presence === 'kept') notes.push(t('diff.channel.base'));
        if (v.media.length > 0) notes.push(t('diff.media'));
        if (v.optionsChanged) notes.push(t('diff.options'));
        return (
          <section
            key={v.channelId}
            className="content-diff__field"
            data-testid={`diff-channel-${v.channelId}`}
          >
            <h5 className="content-diff__label">
              {t('diff.channel', { channel: channelName(v.channelId) })}
              {notes.length > 0 && (
                <span className="content-diff__notes"> · {notes.join(' · ')}</span>
              )}
            </h5>
            {v.text.changed && !(sameAsBase && v.presence === 'kept') && (
              <TextDiffView diff={v.text} />
            )}
          </section>
        );
      })}
    </div>
  );
}
