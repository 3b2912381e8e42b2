import type { Channel, PauseState, WorkspaceMembership } from '@postplan/contracts';
import { useState } from 'react';
import { Field } from '../../../components/ui/field';
import { DialogActions, SidePanel } from '../../../components/ui/side-panel';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePause } from '../api/use-crisis';
import { MAX_REASON, reasonProblem } from '../utils/crisis-rules';

type Props = {
  workspace: WorkspaceMembership;
  channels: Channel[];
  state: PauseState | undefined;
  onClose: () => void;
};

/** Stops publishing for the workspace or one channel; the reason is what everyone will read. */
export function PauseDialog({ workspace, channels, state, onClose }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const pause = usePause(workspace.slug);
  const paused = new Set((state?.channels ?? []).map((p) => p.channel?.id));
  const workspacePaused = Boolean(state?.workspace);
  const options = [
    ...(workspacePaused ? [] : [{ value: '', label: t('crisis.pause.scopeWorkspace') }]),
    ...channels
      .filter((c) => !paused.has(c.id))
      .map((c) => ({ value: c.id, label: t('crisis.pause.scopeChannel', { channel: c.name }) })),
  ];
  const [scope, setScope] = useState(options[0]?.value ?? '');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = reasonProblem(reason);

  const submit = () => {
    setTouched(true);
    setError(null);
    if (problem) return;
    pause.mutate(
      { channelId: scope || null, reason: reason.trim() },
      {
        onSuccess: () => {
          toast.show({ tone: 'success', message: t('crisis.pause.done') });
          onClose();
        },
        onError: (e) => setError(errorMessage(e, t)),
      },
    );
  };

  return (
    <SidePanel
      title={t('crisis.pause.title')}
      closeLabel={t('editor.close')}
      onClose={onClose}
      testId="pause-dialog"
      footer={
        <DialogActions
          cancelLabel={t('editor.cancel')}
          onCancel={onClose}
          confirmLabel={t('crisis.pause.confirm')}
          busyLabel={t('crisis.pause.pausing')}
          busy={pause.isPending}
          disabled={options.length === 0}
          onConfirm={submit}
          tone="danger"
        />
      }
    >
      <p className="crisis-dialog__intro">{t('crisis.pause.intro')}</p>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {options.length === 0 ? (
        <p className="notice">{t('crisis.pause.allPaused')}</p>
      ) : (
        <form
          className="editor-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Field label={t('crisis.pause.scope')}>
            <select value={scope} onChange={(e) => setScope(e.target.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('crisis.pause.reason')}
            hint={t('crisis.pause.reasonHint', { used: reason.trim().length, max: MAX_REASON })}
            error={
              touched && problem
                ? t(
                    problem === 'required'
                      ? 'crisis.pause.reasonRequired'
                      : 'crisis.pause.reasonTooLong',
                    {
                      max: MAX_REASON,
                    },
                  )
                : null
            }
          >
            <textarea
              rows={4}
              value={reason}
              data-autofocus
              onChange={(e) => setReason(e.target.value)}
              onBlur={() => setTouched(true)}
            />
          </Field>
        </form>
      )}
    </SidePanel>
  );
}
