import type { WorkspaceMembership } from '@postplan/contracts';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canManageWorkspace } from '../../../lib/permissions';
import { useApprovalPolicy } from '../api/use-approval-policy';
import { formatWhen } from '../utils/format';
import { PolicyForm } from './policy-form';
import './review.css';

/** Settings page: the workspace's approval policy; owners and admins change it. */
export function ApprovalPolicyPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t, intlLocale } = useI18n();
  const policy = useApprovalPolicy(workspace.slug);
  const editable = canManageWorkspace(workspace.role);

  return (
    <div className="review-page" data-testid="approval-policy-page">
      <header className="review-page__header">
        <h1 className="review-page__title">{t('policy.title')}</h1>
        <p className="review-page__intro">{t('policy.intro')}</p>
        {policy.data?.updatedAt && (
          <p className="review-page__intro">
            {t('policy.updated', {
              when: formatWhen(policy.data.updatedAt, intlLocale, workspace.timeZone),
            })}
          </p>
        )}
      </header>
      <div className="review-page__card">
        {!editable && (
          <p className="notice" role="note">
            {t('policy.readOnly')}
          </p>
        )}
        {policy.isPending ? (
          <LoadingState label={t('policy.loading')} />
        ) : policy.isError ? (
          <ErrorState
            message={t('policy.loadFailed')}
            detail={errorMessage(policy.error, t)}
            action={
              <button type="button" className="button" onClick={() => void policy.refetch()}>
                {t('app.retry')}
              </button>
            }
          />
        ) : (
          <PolicyForm
            workspace={workspace.slug}
            policy={policy.data.policy}
            version={policy.data.version}
            editable={editable}
          />
        )}
      </div>
    </div>
  );
}
