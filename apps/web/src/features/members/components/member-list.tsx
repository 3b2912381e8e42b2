import type { Member, Role, WorkspaceMembership } from '@postplan/contracts';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canManageMember, canManageWorkspace, grantableRoles } from '../../../lib/permissions';
import { formatJoined } from '../utils/member-form';

type Props = {
  workspace: WorkspaceMembership;
  members: Member[];
  currentUserId: string;
  /** The member whose role change is on its way, if any. */
  changing: string | null;
  onChangeRole: (member: Member, role: Role) => Promise<unknown>;
  onRemove: (member: Member) => void;
};

export function MemberList({
  workspace,
  members,
  currentUserId,
  changing,
  onChangeRole,
  onRemove,
}: Props) {
  const { t } = useI18n();
  const manages = canManageWorkspace(workspace.role);
  return (
    <div className="members-table__scroll">
      <table className="members-table" aria-labelledby="members-list-title">
        <thead>
          <tr>
            <th scope="col">{t('members.column.name')}</th>
            <th scope="col">{t('members.column.email')}</th>
            <th scope="col">{t('members.column.role')}</th>
            <th scope="col">{t('members.column.joined')}</th>
            {manages && <th scope="col">{t('members.column.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <MemberRow
              // A new role from the server (a save, someone else's change) starts the row anew.
              key={`${member.userId}:${member.role}`}
              workspace={workspace}
              member={member}
              isMe={member.userId === currentUserId}
              manages={manages}
              changing={changing === member.userId}
              onChangeRole={onChangeRole}
              onRemove={onRemove}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = {
  workspace: WorkspaceMembership;
  member: Member;
  isMe: boolean;
  manages: boolean;
  changing: boolean;
  onChangeRole: (member: Member, role: Role) => Promise<unknown>;
  onRemove: (member: Member) => void;
};

/** One person; the role is chosen first and saved with its own button, never on each arrow key. */
function MemberRow({
  workspace,
  member,
  isMe,
  manages,
  changing,
  onChangeRole,
  onRemove,
}: RowProps) {
  const { t, intlLocale } = useI18n();
  const [draft, setDraft] = useState<Role>(member.role);
  const editable = manages && canManageMember(workspace.role, member.role);
  const name = member.name;

  const save = () => {
    // A refused change goes back to the role the member has.
    onChangeRole(member, draft).catch(() => setDraft(member.role));
  };

  return (
    <tr data-testid="member-row">
      <th scope="row">
        {name}
        {isMe && <span className="members-table__you"> {t('members.you')}</span>}
      </th>
      <td>{member.email}</td>
      <td>
        {editable ? (
          <div className="members-table__role">
            <label htmlFor={`member-role-${member.userId}`} className="visually-hidden">
              {t('members.roleOf', { name })}
            </label>
            <select
              id={`member-role-${member.userId}`}
              value={draft}
              disabled={changing}
              onChange={(e) => setDraft(e.target.value as Role)}
            >
              {grantableRoles(workspace.role).map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
            {draft !== member.role && (
              <button
                type="button"
                className="button button--primary button--small"
                disabled={changing}
                onClick={save}
                aria-label={t('members.saveRoleOf', { name })}
              >
                {changing ? t('members.savingRole') : t('members.saveRole')}
              </button>
            )}
          </div>
        ) : (
          <>
            {t(`role.${member.role}`)}
            {manages && <span className="members-table__locked">{t('members.ownerOnlyHint')}</span>}
          </>
        )}
      </td>
      <td>{formatJoined(member.joinedAt, intlLocale, workspace.timeZone)}</td>
      {manages && (
        <td>
          {editable && (
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => onRemove(member)}
              aria-label={t('members.removeNamed', { name })}
            >
              {t('members.remove')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
