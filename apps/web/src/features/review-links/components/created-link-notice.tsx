import type { CreatedReviewLink } from '@postplan/contracts';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';

/** The link's address, shown this once: the server keeps only a hash of it. */
export function CreatedLinkNotice({
  link,
  onDone,
}: {
  link: CreatedReviewLink;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const onCopy = () => {
    navigator.clipboard.writeText(link.url).then(
      () => setCopy('copied'),
      () => {
        setCopy('failed');
        input.current?.select();
      },
    );
  };

  return (
    <section className="review-links__created" aria-labelledby="rl-created-title" role="status">
      <h2 id="rl-created-title" className="review-links__subtitle">
        {t('reviewLinks.created.title', { label: link.label })}
      </h2>
      <p>{t('reviewLinks.created.body')}</p>
      <div className="review-links__url">
        <label htmlFor="rl-created-url" className="visually-hidden">
          {t('reviewLinks.created.url')}
        </label>
        <input
          id="rl-created-url"
          ref={input}
          type="text"
          readOnly
          value={link.url}
          data-testid="review-link-url"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button button--primary" onClick={onCopy}>
          {copy === 'copied' ? t('reviewLinks.created.copied') : t('reviewLinks.created.copy')}
        </button>
      </div>
      {copy === 'failed' && <p className="field__error">{t('reviewLinks.created.copyFailed')}</p>}
      {link.passwordProtected && <p className="field__hint">{t('reviewLinks.created.password')}</p>}
      <div>
        <button type="button" className="button" onClick={onDone}>
          {t('reviewLinks.created.done')}
        </button>
      </div>
    </section>
  );
}
