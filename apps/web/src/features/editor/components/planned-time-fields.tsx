import { Field } from '../../../components/ui/field';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { PostEditorState } from '../hooks/use-post-editor';
import { offsetOf } from '../utils/post-form';
import { DateInput, TimeInput } from '../../../components/ui/date-time-inputs';

/** Date and time in the workspace's zone, with the zone's offset, a gap or a doubled hour. */
export function PlannedTimeFields({ editor }: { editor: PostEditorState }) {
  const { t, intlLocale } = useI18n();
  const { values, check, candidates, chosen, submitted, set, setChosen } = editor;
  const tz = editor.workspace.timeZone;
  const zone = tz.replaceAll('_', ' ');
  const zoneLabel = check.kind === 'exact' ? `${zone} (UTC${offsetOf(check.instant)})` : zone;
  const timeFormat = new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short', timeZone: tz });

  return (
    <fieldset className="editor-form__group">
      <legend className="field__label">{t('editor.planned')}</legend>
      <div className="editor-form__row">
        <Field label={t('editor.plannedDate')}>
          <DateInput name="date" value={values.date} onValueChange={(v) => set('date', v)} />
        </Field>
        <Field label={t('editor.plannedTime')}>
          <TimeInput name="time" value={values.time} onValueChange={(v) => set('time', v)} />
        </Field>
        {(values.date || values.time) && (
          <button
            type="button"
            className="button button--ghost button--small editor-form__clear"
            onClick={() => {
              set('date', '');
              set('time', '');
            }}
          >
            {t('editor.clearDate')}
          </button>
        )}
      </div>
      <p className="field__hint" data-testid="zone-hint">
        {check.kind === 'unscheduled'
          ? t('editor.unscheduled')
          : t('editor.zoneHint', { zone: zoneLabel })}
      </p>
      {check.kind === 'incomplete' && submitted && (
        <p className="field__error">{t('editor.time.incomplete')}</p>
      )}
      {check.kind === 'nonexistent' && (
        <p className="field__error" role="alert" data-testid="time-nonexistent">
          {t('editor.time.nonexistent', {
            local: `${values.date} ${values.time}`,
            zone: tz,
            next: timeFormat.format(new Date(check.next)),
          })}
        </p>
      )}
      {candidates && (
        <fieldset className="editor-form__candidates" data-testid="time-ambiguous">
          <legend className="field__error">
            {t('editor.time.ambiguous', { local: `${values.date} ${values.time}`, zone: tz })}
          </legend>
          {candidates.map((candidate) => (
            <label key={candidate} className="choice">
              <input
                type="radio"
                name="candidate"
                value={candidate}
                checked={chosen === candidate}
                onChange={() => setChosen(candidate)}
              />
              {t('editor.time.candidate', {
                time: timeFormat.format(new Date(candidate)),
                offset: offsetOf(candidate),
              })}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
