import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n-context';

export function NotFound() {
  const { t } = useI18n();
  return (
    <main className="page-message" id="main">
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body')}</p>
      <Link to="/" className="button">
        {t('app.notFound.home')}
      </Link>
    </main>
  );
}
