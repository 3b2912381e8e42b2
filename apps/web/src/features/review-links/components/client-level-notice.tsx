import type { WorkspaceMembership } from '@postplan/contracts';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canManageWorkspace } from '../../../lib/permissions';
import { useLinkApprovalPolicy, useSaveLinkApprovalPolicy } from '../api/use-review-links';
import { hasClientLevel, withClientLevel } from '../utils/client-level';

/**
 * A link with "approve" only counts when the approval policy has a client level. Without one the
 * client would be told they can approve and then see only "comment": say so before the link is
 * made, and let an owner or admin add the level in one step.
 */
export function ClientLevelNotice({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const policy = useLinkApprovalPolicy(workspace.slug);
  const save = useSaveLinkApprovalPolicy(workspace.slug);
  if (!policy.data) return null;
  if (hasClientLevel(policy.data.policy)) {
    return save.isSuccess ? (
      <p className="alert alert--success" role="status" data-testid="client-level-added">
        {t('reviewLinks.form.clientLevelAdded')}
      </p>
    ) : null;
  }
  const mayChange = canManageWorkspace(workspace.role);
  const add = () =>
    save.mutate({
      policy: withClientLevel(policy.data.policy, {
        team: t('reviewLinks.teamLevelName'),
        client: t('reviewLinks.clientLevelName'),
      }),
      version: policy.data.version,
    });
  return (
    <div className="alert alert--warning" role="alert" data-testid="client-level-warning">
      <p className="alert__title">{t('reviewLinks.form.noClientLevel.title')}</p>
      <p>{t('reviewLinks.form.noClientLevel.body')}</p>
      {save.isError && <p className="field__error">{errorMessage(save.error, t)}</p>}
      {mayChange ? (
        <button
          type="button"
          className="button button--small"
          onClick={add}
          disabled={save.isPending}
        >
          {t('reviewLinks.form.addClientLevel')}
        </button>
      ) : (
        <p>{t('reviewLinks.form.askAdmin')}</p>
      )}
    </div>
  );
}
