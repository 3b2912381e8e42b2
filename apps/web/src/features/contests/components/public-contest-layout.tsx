import { useEffect, type ReactNode } from 'react';
import { PublicHeader } from '../../../components/ui/public-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { isApiError } from '../../../lib/api/api-error';
import { clientErrorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import '../contests.css';

/** The frame of the public contest pages: no session, no app header, phone first. */
export function PublicContestLayout({ children }: { children: ReactNode }) {
  useEffect(() => {
    // The address carries the contest's token: it should not travel on as a referrer.
    const referrer = Object.assign(document.createElement('meta'), {
      name: 'referrer',
      content: 'no-referrer',
    });
    document.head.append(referrer);
    return () => referrer.remove();
  }, []);
  return (
    <div className="contest-public">
      <PublicHeader className="contest-public__header" />
      <main className="contest-public__main" id="main">
        {children}
      </main>
    </div>
  );
}

export function PublicLoadState({
  pending,
  error,
  retry,
}: {
  pending: boolean;
  error: unknown;
  retry: () => void;
}) {
  const { t } = useI18n();
  if (pending) return <LoadingState label={t('contestPublic.loading')} />;
  if (isApiError(error, 'CONTEST_NOT_FOUND')) {
    return (
      <section className="contests-card" role="alert">
        <h1 className="contest-public__title">{t('contestPublic.notFound.title')}</h1>
        <p>{t('contestPublic.notFound.body')}</p>
      </section>
    );
  }
  return (
    <ErrorState
      message={t('contestPublic.loadFailed')}
      detail={clientErrorMessage(error, t)}
      action={
        <button type="button" className="button" onClick={retry}>
          {t('app.retry')}
        </button>
      }
    />
  );
}
