import type { Member, Role, WorkspaceMembership } from '@postplan/contracts';
import { useState } from 'react';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canManageWorkspace } from '../../../lib/permissions';
import { useMembers } from '../../../lib/api/queries';
import { useChangeMemberRole, useRemoveMember } from '../api/use-members';
import { memberErrorMessage } from '../utils/member-form';
import { AddMemberForm } from './add-member-form';
import { InvitationList } from './invitation-list';
import { MemberList } from './member-list';
import { RemoveMemberDialog } from './remove-member-dialog';
import '../members.css';

type Props = {
  workspace: WorkspaceMembership;
  /** The signed-in person, marked "(you)" in the list. */
  currentUserId: string;
  /** Called after the signed-in person removed themselves: the workspace is gone for them. */
  onLeft?: () => void;
};

/**
 * The workspace's members. Everyone sees who is in it; owners and admins invite colleagues (for
 * example an approver for four-eyes review), see and revoke open invitations, change roles and
 * remove people.
 */
export function MembersPage({ workspace, currentUserId, onLeft }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const manages = canManageWorkspace(workspace.role);
  // Every member may read the list; the same query feeds the approval policy's member picker.
  const members = useMembers(workspace.slug, true);
  const changeRole = useChangeMemberRole(workspace.slug, currentUserId);
  const remove = useRemoveMember(workspace.slug, currentUserId);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const onChangeRole = (member: Member, role: Role) =>
    changeRole.mutateAsync({ userId: member.userId, role }).then(
      (changed) =>
        toast.show({
          tone: 'success',
          message: t('members.roleChanged', {
            name: changed.name,
            role: t(`role.${changed.role}`),
          }),
        }),
      (error: unknown) => {
        toast.show({ tone: 'error', message: memberErrorMessage(error, t) });
        throw error;
      },
    );

  const closeRemove = () => {
    setRemoving(null);
    setRemoveError(null);
  };

  const confirmRemove = () => {
    if (!removing) return;
    const member = removing;
    const isMe = member.userId === currentUserId;
    setRemoveError(null);
    // Not mutate(): after leaving, this page may be gone before the answer's callbacks would run.
    remove.mutateAsync(member.userId).then(
      () => {
        closeRemove();
        toast.show({
          tone: 'success',
          message: isMe
            ? t('members.left', { workspace: workspace.name })
            : t('members.removed', { name: member.name }),
        });
        if (isMe) onLeft?.();
      },
      (error: unknown) => setRemoveError(memberErrorMessage(error, t)),
    );
  };

  let list;
  if (members.isError) {
    list = (
      <ErrorState
        message={t('members.loadFailed')}
        detail={errorMessage(members.error, t)}
        action={
          <button type="button" className="button" onClick={() => void members.refetch()}>
            {t('app.retry')}
          </button>
        }
      />
    );
  } else if (!members.data) {
    list = <LoadingState label={t('members.loading')} />;
  } else {
    list = (
      <MemberList
        workspace={workspace}
        members={members.data.items}
        currentUserId={currentUserId}
        changing={changeRole.isPending ? (changeRole.variables?.userId ?? null) : null}
        onChangeRole={onChangeRole}
        onRemove={(member) => {
          setRemoveError(null);
          setRemoving(member);
        }}
      />
    );
  }

  return (
    <div className="members-page" data-testid="members-page">
      <header className="members-page__header">
        <h1 className="members-page__title">{t('members.title')}</h1>
        <p className="members-page__intro">{t('members.intro')}</p>
        {!manages && (
          <p className="notice" role="note" data-testid="members-read-only">
            {t('members.readOnly')}
          </p>
        )}
      </header>

      {manages && <AddMemberForm workspace={workspace} />}
      {manages && <InvitationList workspace={workspace} />}

      <section className="settings-section" aria-labelledby="members-list-title">
        <h2 id="members-list-title" className="settings-section__title">
          {members.data
            ? t('members.list.titleCount', { count: members.data.items.length })
            : t('members.list.title')}
        </h2>
        {list}
      </section>

      {removing && (
        <RemoveMemberDialog
          member={removing}
          isMe={removing.userId === currentUserId}
          workspaceName={workspace.name}
          pending={remove.isPending}
          error={removeError}
          onConfirm={confirmRemove}
          onClose={closeRemove}
        />
      )}
    </div>
  );
}
