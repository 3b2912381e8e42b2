import type { WorkspaceMembership } from '@postplan/contracts';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useBrandRules, useWordingSettings } from '../../../lib/api/queries';
import { canEditWordingSettings } from '../utils/wording-settings-form';
import { BrandRulesEditor } from './brand-rules-editor';
import { WordingSettingsForm } from './wording-settings-form';
import './settings.css';

/**
 * The workspace's wording review: rules, gender style, limits, word list and brand wording.
 * Every member may look (so an author knows why a word is flagged); owners and admins change it.
 */
export function WordingSettingsPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const settings = useWordingSettings(workspace.slug);
  const brandRules = useBrandRules(workspace.slug);
  const editable = canEditWordingSettings(workspace.role);

  const failed = settings.error ?? brandRules.error;
  let body;
  if (failed) {
    body = (
      <ErrorState
        message={t('settings.wording.loadFailed')}
        detail={errorMessage(failed, t)}
        action={
          <button
            type="button"
            className="button"
            onClick={() => {
              void settings.refetch();
              void brandRules.refetch();
            }}
          >
            {t('app.retry')}
          </button>
        }
      />
    );
  } else if (!settings.data || !brandRules.data) {
    body = <LoadingState label={t('settings.wording.loading')} />;
  } else {
    body = (
      <>
        <WordingSettingsForm
          key={`settings-${workspace.slug}`}
          workspace={workspace.slug}
          initial={settings.data.settings}
          version={settings.data.version}
          editable={editable}
        />
        <BrandRulesEditor
          key={`brand-${workspace.slug}`}
          workspace={workspace.slug}
          rules={brandRules.data.items}
          editable={editable}
        />
      </>
    );
  }

  return (
    <div className="settings-page" data-testid="wording-settings">
      <header className="settings-page__header">
        <h1 className="settings-page__title">{t('settings.wording.title')}</h1>
        <p className="settings-page__intro">{t('settings.wording.intro')}</p>
        {!editable && (
          <p className="notice" role="note" data-testid="settings-read-only">
            {t('settings.wording.readOnly')}
          </p>
        )}
      </header>
      {body}
    </div>
  );
}
