import type { Channel, DuePost, DuePostAction, WorkspaceMembership } from '@postplan/contracts';
import { useMemo, useState } from 'react';
import { DialogActions, SidePanel } from '../../../components/ui/side-panel';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { MessageKey } from '../../../lib/i18n/messages-en';
import { useDecideDuePosts } from '../api/use-crisis';
import { buildDecisions, type Choice, type ChoiceProblem, offsetsOf } from '../utils/crisis-rules';
import { DateInput, TimeInput } from '../../../components/ui/date-time-inputs';

type Props = {
  workspace: WorkspaceMembership;
  posts: DuePost[];
  channelsById: Map<string, Channel>;
  onClose: () => void;
  /** Called when a decision was refused because the list changed meanwhile. */
  onStale?: () => void;
};

const ACTIONS: { action: DuePostAction; label: MessageKey }[] = [
  { action: 'publish_now', label: 'crisis.due.publishNow' },
  { action: 'reschedule', label: 'crisis.due.reschedule' },
  { action: 'skip', label: 'crisis.due.skip' },
];

/**
 * The posts that came due while publishing was paused: for each, publish now, reschedule or
 * skip. Nothing goes out late on its own; posts left undecided stay in the list for later.
 */
export function DuePostsDialog({ workspace, posts, channelsById, onClose, onStale }: Props) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const decide = useDecideDuePosts(workspace.slug);
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(posts.map((p) => [p.id, { action: null, date: '', time: '' }])),
  );
  const [problems, setProblems] = useState<Record<string, ChoiceProblem>>({});
  const [error, setError] = useState<string | null>(null);

  const when = useMemo(
    () =>
      new Intl.DateTimeFormat(intlLocale, {
        timeZone: workspace.timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
    [intlLocale, workspace.timeZone],
  );
  const chosen = Object.values(choices).filter((c) => c.action !== null).length;

  const change = (id: string, patch: Partial<Choice>) => {
    setChoices((all) => ({ ...all, [id]: { ...all[id]!, ...patch } }));
    setProblems(({ [id]: _, ...rest }) => rest);
  };

  const submit = () => {
    setError(null);
    const built = buildDecisions(choices, workspace.timeZone, new Date());
    setProblems(built.problems);
    if (Object.keys(built.problems).length > 0 || built.decisions.length === 0) return;
    decide.mutate(
      { decisions: built.decisions },
      {
        onSuccess: (result) => {
          toast.show({
            tone: 'success',
            message: t('crisis.due.saved', { count: result.items.length }),
          });
          onClose();
        },
        onError: (e) => {
          setError(errorMessage(e, t));
          if (isApiError(e, 'POST_NOT_DUE')) onStale?.();
        },
      },
    );
  };

  const describe = (p: ChoiceProblem, choice: Choice): string => {
    switch (p.kind) {
      case 'incomplete':
        return t('crisis.due.problem.incomplete');
      case 'past':
        return t('crisis.due.problem.past');
      case 'nonexistent':
        return t('crisis.due.problem.nonexistent', { next: when.format(p.nextValid) });
      case 'ambiguous':
        return t('crisis.due.problem.ambiguous', {
          local: `${choice.date} ${choice.time}`,
        });
    }
  };

  return (
    <SidePanel
      title={t('crisis.due.title')}
      closeLabel={t('editor.close')}
      onClose={onClose}
      testId="due-posts-dialog"
      footer={
        <DialogActions
          cancelLabel={t('crisis.due.later')}
          onCancel={onClose}
          confirmLabel={t('crisis.due.apply', { count: chosen })}
          busyLabel={t('crisis.due.applying')}
          busy={decide.isPending}
          disabled={chosen === 0}
          onConfirm={submit}
          tone="primary"
        />
      }
    >
      <p className="crisis-dialog__intro">{t('crisis.due.intro')}</p>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {posts.length === 0 ? (
        <p className="notice">{t('crisis.due.none')}</p>
      ) : (
        <ul className="due-posts">
          {posts.map((p) => {
            const choice = choices[p.id]!;
            const problem = problems[p.id];
            const title = p.title.trim() || t('calendar.untitled');
            const channels = p.channelIds
              .map((id) => channelsById.get(id)?.name)
              .filter((n): n is string => Boolean(n));
            return (
              <li key={p.id} className="due-post" data-testid="due-post">
                <fieldset className="due-post__fieldset">
                  <legend className="due-post__title">{title}</legend>
                  <p className="due-post__meta">
                    {t('crisis.due.wasPlanned', { when: when.format(new Date(p.plannedAt)) })}
                    {channels.length > 0 && ` · ${channels.join(', ')}`}
                  </p>
                  {p.text && <p className="due-post__text">{p.text}</p>}
                  <div className="due-post__actions">
                    {ACTIONS.map((a) => (
                      <label key={a.action} className="choice">
                        <input
                          type="radio"
                          name={`due-${p.id}`}
                          value={a.action}
                          checked={choice.action === a.action}
                          onChange={() => change(p.id, { action: a.action })}
                        />
                        {t(a.label)}
                      </label>
                    ))}
                  </div>
                  {choice.action === 'reschedule' && (
                    <div className="due-post__reschedule">
                      <label className="field">
                        <span className="field__label">{t('editor.plannedDate')}</span>
                        <DateInput
                          value={choice.date}
                          onValueChange={(date) => change(p.id, { date, offset: undefined })}
                        />
                      </label>
                      <label className="field">
                        <span className="field__label">{t('editor.plannedTime')}</span>
                        <TimeInput
                          value={choice.time}
                          onValueChange={(time) => change(p.id, { time, offset: undefined })}
                        />
                      </label>
                      <p className="field__hint">
                        {t('editor.zoneHint', { zone: workspace.timeZone })}
                      </p>
                    </div>
                  )}
                  {problem && (
                    <div className="field__error" role="alert">
                      {describe(problem, choice)}
                      {problem.kind === 'ambiguous' && (
                        <div className="due-post__candidates">
                          {offsetsOf(problem, choice).map((offset) => (
                            <label key={offset} className="choice">
                              <input
                                type="radio"
                                name={`offset-${p.id}`}
                                checked={choice.offset === offset}
                                onChange={() =>
                                  setChoices((all) => ({
                                    ...all,
                                    [p.id]: { ...all[p.id]!, offset },
                                  }))
                                }
                              />
                              {t('editor.time.candidate', {
                                time: `${choice.date} ${choice.time}`,
                                offset,
                              })}
                            </label>
                          ))}
                        </div>
                      )}
                    </div>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
    </SidePanel>
  );
}
