import type { Pause, ResumeResponse, WorkspaceMembership } from '@postplan/contracts';
import { useState } from 'react';
import { DialogActions, SidePanel } from '../../../components/ui/side-panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useResume } from '../api/use-crisis';

type Props = {
  workspace: WorkspaceMembership;
  pause: Pause;
  onClose: () => void;
  onResumed: (result: ResumeResponse) => void;
};

/** Asks once more before publishing goes on; what came due meanwhile is shown next. */
export function ResumeDialog({ workspace, pause, onClose, onResumed }: Props) {
  const { t } = useI18n();
  const resume = useResume(workspace.slug);
  const [error, setError] = useState<string | null>(null);
  const scope = pause.channel
    ? t('crisis.scope.channel', { channel: pause.channel.name })
    : t('crisis.scope.workspace');

  return (
    <SidePanel
      title={t('crisis.resume.title')}
      closeLabel={t('editor.close')}
      onClose={onClose}
      testId="resume-dialog"
      footer={
        <DialogActions
          cancelLabel={t('editor.cancel')}
          onCancel={onClose}
          confirmLabel={t('crisis.resume.confirm')}
          busyLabel={t('crisis.resume.resuming')}
          busy={resume.isPending}
          onConfirm={() =>
            resume.mutate(pause.channel?.id ?? null, {
              onSuccess: onResumed,
              onError: (e) => setError(errorMessage(e, t)),
            })
          }
          tone="primary"
          autoFocus
        />
      }
    >
      <p className="crisis-dialog__intro">{t('crisis.resume.intro', { scope })}</p>
      <p className="crisis-dialog__reason">
        {t('crisis.banner.reason')}: {pause.reason}
      </p>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
    </SidePanel>
  );
}
