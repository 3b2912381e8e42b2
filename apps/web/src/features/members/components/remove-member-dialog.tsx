import type { Member } from '@postplan/contracts';
import { DialogActions, SidePanel } from '../../../components/ui/side-panel';
import { useI18n } from '../../../lib/i18n/i18n-context';

type Props = {
  member: Member;
  isMe: boolean;
  workspaceName: string;
  pending: boolean;
  /** The server's refusal (last owner, …), shown in the dialog so it is read where it happened. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks once more before someone loses access; removing oneself says so plainly. */
export function RemoveMemberDialog({
  member,
  isMe,
  workspaceName,
  pending,
  error,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useI18n();
  const params = { name: member.name, email: member.email, workspace: workspaceName };
  return (
    <SidePanel
      title={t(isMe ? 'members.remove.titleSelf' : 'members.remove.title', params)}
      closeLabel={t('editor.close')}
      onClose={onClose}
      testId="remove-member-dialog"
      footer={
        <DialogActions
          cancelLabel={t('editor.cancel')}
          onCancel={onClose}
          confirmLabel={t(isMe ? 'members.remove.confirmSelf' : 'members.remove.confirm')}
          busyLabel={t('members.remove.removing')}
          busy={pending}
          onConfirm={onConfirm}
          tone="danger"
          autoFocus
        />
      }
    >
      <p className="members-dialog__text">
        {t(isMe ? 'members.remove.bodySelf' : 'members.remove.body', params)}
      </p>
      {error && (
        <div className="alert alert--error" role="alert" data-testid="remove-member-error">
          {error}
        </div>
      )}
    </SidePanel>
  );
}
