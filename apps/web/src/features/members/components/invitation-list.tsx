import type { WorkspaceMembership } from '@postplan/contracts';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useInvitations, useRevokeInvitation } from '../api/use-members';
import { formatJoined, memberErrorMessage } from '../utils/member-form';

/** Invitations nobody has answered yet; owners revoke any, admins all but owner invitations. */
export function InvitationList({ workspace }: { workspace: WorkspaceMembership }) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const invitations = useInvitations(workspace.slug, true);
  const revoke = useRevokeInvitation(workspace.slug);

  let body;
  if (invitations.isError) {
    body = (
      <ErrorState
        message={t('members.invitations.loadFailed')}
        detail={errorMessage(invitations.error, t)}
      />
    );
  } else if (!invitations.data) {
    body = <LoadingState label={t('members.loading')} />;
  } else if (invitations.data.items.length === 0) {
    body = <p className="members-page__intro">{t('members.invitations.none')}</p>;
  } else {
    body = (
      <ul className="invitation-list" data-testid="invitation-list">
        {invitations.data.items.map((inv) => (
          <li key={inv.id} className="invitation-list__item" data-testid="invitation-row">
            <span className="invitation-list__email">{inv.email}</span>
            <span>{t(`role.${inv.role}`)}</span>
            <span className="invitation-list__meta">
              {t('members.invitations.until', {
                date: formatJoined(inv.expiresAt, intlLocale, workspace.timeZone),
              })}
            </span>
            {(inv.role !== 'owner' || workspace.role === 'owner') && (
              <button
                type="button"
                className="button button--small"
                disabled={revoke.isPending}
                aria-label={t('members.invitations.revokeNamed', { email: inv.email })}
                onClick={() =>
                  revoke.mutate(inv.id, {
                    onSuccess: () =>
                      toast.show({
                        tone: 'success',
                        message: t('members.invitations.revoked', { email: inv.email }),
                      }),
                    onError: (error) =>
                      toast.show({ tone: 'error', message: memberErrorMessage(error, t) }),
                  })
                }
              >
                {t('members.invitations.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="settings-section" aria-labelledby="members-invitations-title">
      <h2 id="members-invitations-title" className="settings-section__title">
        {t('members.invitations.title')}
      </h2>
      {body}
    </section>
  );
}
