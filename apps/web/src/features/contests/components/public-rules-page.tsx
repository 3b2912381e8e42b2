import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePublicRules } from '../api/use-contests';
import { formatUtc } from '../utils/contest-view';
import { PublicContestLayout, PublicLoadState } from './public-contest-layout';

/** The rules (Teilnahmebedingungen) as entrants read them: the current version or `?version=`. */
export function PublicRulesPage({ token }: { token: string }) {
  const { t, locale, intlLocale, setLocale } = useI18n();
  const [params] = useSearchParams();
  const asked = Number(params.get('version'));
  const version = Number.isInteger(asked) && asked > 0 ? asked : undefined;
  const rules = usePublicRules(token, locale, version);
  return (
    <PublicContestLayout>
      {!rules.isSuccess ? (
        <PublicLoadState
          pending={rules.isPending}
          error={rules.error}
          retry={() => void rules.refetch()}
        />
      ) : (
        <article className="contests-card" data-testid="public-rules" lang={rules.data.language}>
          <p className="contests-table__muted">{t('contestPublic.rules.kicker')}</p>
          <h1 className="contest-public__title">{rules.data.contestTitle}</h1>
          <p>{t('contestPublic.rules.organiser', { organiser: rules.data.organiser })}</p>
          <p className="contests-table__muted">
            {t('contestPublic.rules.version', {
              version: rules.data.version,
              date: formatUtc(rules.data.updatedAt, intlLocale),
            })}
          </p>
          {rules.data.language !== locale && (
            <p className="alert alert--warning">{t('contestPublic.rules.otherLanguage')}</p>
          )}
          <button
            type="button"
            className="button button--small"
            onClick={() => setLocale(rules.data.alternate.language)}
          >
            {t('contestPublic.rules.switchLanguage')}
          </button>
          <div className="contest-rules__text">{rules.data.text}</div>
          <p className="contest-hash">
            {t('contestPublic.rules.hash')} {rules.data.hash}
          </p>
        </article>
      )}
    </PublicContestLayout>
  );
}
