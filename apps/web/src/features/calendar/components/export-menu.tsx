import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useSubscribeUrl } from '../api/use-calendar-feed';
import './export-menu.css';
import { exportUrl, type ExportKind } from '../utils/export-links';
import type { PostFilters, VisibleRange } from '../utils/post-filters';

type ExportMenuProps = {
  workspace: string;
  range: VisibleRange | null;
  filters: PostFilters;
  canImport: boolean;
};

const DOWNLOADS: ExportKind[] = ['csv-semicolon', 'csv-comma', 'xlsx', 'json', 'ics'];
const PRINTS: ExportKind[] = ['print-week', 'print-month', 'pdf-week', 'pdf-month'];

/** Export what the calendar shows (range and filters), subscribe, and the way to the import. */
export function ExportMenu({ workspace, range, filters, canImport }: ExportMenuProps) {
  const { t, locale } = useI18n();
  const details = useRef<HTMLDetailsElement>(null);
  const subscribe = useSubscribeUrl(workspace);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const lang = locale === 'de' ? 'de' : 'en';
  const close = () => details.current?.removeAttribute('open');

  const onSubscribe = () =>
    subscribe.mutate(undefined, {
      onSuccess: (url) => {
        navigator.clipboard.writeText(url).then(
          () => setCopied('copied'),
          () => setCopied('failed'),
        );
      },
    });

  return (
    <details className="export-menu" ref={details} data-testid="export-menu">
      <summary className="button">{t('export.menu')}</summary>
      <div className="export-menu__panel" role="menu">
        <p className="export-menu__heading">{t('export.download')}</p>
        {DOWNLOADS.map((kind) => (
          <a
            key={kind}
            role="menuitem"
            className="export-menu__item"
            href={range ? exportUrl(workspace, kind, range, filters, lang) : undefined}
            aria-disabled={!range}
            download
            data-testid={`export-${kind}`}
            onClick={close}
          >
            {t(`export.kind.${kind}`)}
          </a>
        ))}
        <p className="export-menu__heading">{t('export.print')}</p>
        {PRINTS.map((kind) => (
          <a
            key={kind}
            role="menuitem"
            className="export-menu__item"
            href={range ? exportUrl(workspace, kind, range, filters, lang) : undefined}
            target="_blank"
            rel="noopener"
            data-testid={`export-${kind}`}
            onClick={close}
          >
            {t(`export.kind.${kind}`)}
          </a>
        ))}
        <p className="export-menu__heading">{t('export.subscribe')}</p>
        <button
          type="button"
          role="menuitem"
          className="export-menu__item"
          onClick={onSubscribe}
          disabled={subscribe.isPending}
          data-testid="copy-subscribe-url"
        >
          {copied === 'copied' ? t('export.subscribeCopied') : t('export.subscribeCopy')}
        </button>
        {subscribe.data && (
          <input
            className="export-menu__url"
            readOnly
            value={subscribe.data}
            aria-label={t('export.subscribeUrl')}
            data-testid="subscribe-url"
            onFocus={(e) => e.target.select()}
          />
        )}
        {copied === 'failed' && <p className="field__error">{t('export.subscribeCopyFailed')}</p>}
        {subscribe.isError && <p className="field__error">{errorMessage(subscribe.error, t)}</p>}
        <p className="field__hint">{t('export.subscribeHint')}</p>
        {canImport && (
          <>
            <p className="export-menu__heading">{t('export.importHeading')}</p>
            <Link
              role="menuitem"
              className="export-menu__item"
              to={`/w/${encodeURIComponent(workspace)}/import`}
              data-testid="open-import"
            >
              {t('export.importLink')}
            </Link>
          </>
        )}
      </div>
    </details>
  );
}
