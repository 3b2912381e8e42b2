import type { WordingSettings } from '@postplan/contracts';
import {
  GenderStyleSchema,
  WORDING_RULES,
  WORDING_RULE_IDS,
  type TunableWordingRuleId,
  type WordingRuleId,
} from '@postplan/domain';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import {
  useReloadWordingSettings,
  useSaveWordingSettings,
} from '../api/use-wording-settings-mutations';
import {
  formToSettings,
  NUMBER_FIELDS,
  parseLines,
  settingsToForm,
  type FormProblem,
  type ListField,
  type NumberField,
  type WordingSettingsForm as FormValues,
} from '../utils/wording-settings-form';

type Props = {
  workspace: string;
  initial: WordingSettings;
  /** The version `initial` was read at: a save made against it must not overwrite later changes. */
  version: number;
  editable: boolean;
};

const GENDER_STYLES = GenderStyleSchema.options;

function isTunable(id: WordingRuleId): id is TunableWordingRuleId {
  return !WORDING_RULES[id].locked;
}

/**
 * Every rule's severity (or off), gender style, readability limits, the duplicate window, style
 * limits, extra calls to action and the workspace's word list. Empty numbers keep the defaults,
 * which the hints name.
 */
export function WordingSettingsForm({ workspace, initial, version, editable }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const save = useSaveWordingSettings(workspace);
  const formId = useId();
  const [form, setForm] = useState<FormValues>(() => settingsToForm(initial));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // The version the form's content was read at. It follows the form, not the cache: a refetch
  // in the background (say, on returning to the tab) must not make an old form look current.
  const [baseVersion, setBaseVersion] = useState(version);
  const reload = useReloadWordingSettings(workspace);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblems((current) => current.filter((p) => p.field !== key));
    setError(null);
  };

  const problemText = (field: NumberField | ListField): string | null => {
    const problem = problems.find((p) => p.field === field);
    if (!problem) return null;
    switch (problem.kind) {
      case 'number':
        return problem.integer
          ? t('settings.wording.invalidInteger', { min: problem.min, max: problem.max })
          : t('settings.wording.invalidNumber', { min: problem.min, max: problem.max });
      case 'line':
        return t('settings.wording.lineLength', {
          line: problem.line,
          min: problem.min,
          max: problem.max,
        });
      case 'tooMany':
        return t('settings.wording.tooManyLines', { max: problem.max });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = formToSettings(form);
    if (!result.ok) {
      setProblems(result.problems);
      setError(t('settings.wording.fixProblems'));
      return;
    }
    save.mutate(
      { settings: result.settings, version: baseVersion },
      {
        onSuccess: (saved) => {
          setForm(settingsToForm(saved.settings));
          setBaseVersion(saved.version);
          toast.show({ tone: 'success', message: t('settings.wording.saved') });
        },
        onError: (e) => {
          // Someone else saved meanwhile (an editor adding a word counts): keep this form as
          // it is and let the admin choose to load theirs, rather than overwrite it silently.
          const stale = isApiError(e, 'STALE_VERSION');
          setConflict(stale);
          setError(stale ? t('settings.wording.stale') : errorMessage(e, t));
        },
      },
    );
  };

  const loadCurrent = () => {
    void reload().then(
      (current) => {
        setForm(settingsToForm(current.settings));
        setBaseVersion(current.version);
        setProblems([]);
        setConflict(false);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e, t)),
    );
  };

  const numberField = (field: NumberField, label: string) => (
    <Field
      label={label}
      hint={t('settings.wording.defaultHint', { value: NUMBER_FIELDS[field].default })}
      error={problemText(field)}
    >
      <input
        name={field}
        inputMode={NUMBER_FIELDS[field].integer ? 'numeric' : 'decimal'}
        value={form[field]}
        placeholder={String(NUMBER_FIELDS[field].default)}
        onChange={(e) => set(field, e.target.value)}
      />
    </Field>
  );

  const listField = (field: ListField, label: string, hint: ReactNode) => (
    <Field label={label} hint={hint} error={problemText(field)}>
      <textarea
        name={field}
        rows={field === 'wordList' ? 6 : 4}
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        spellCheck={false}
      />
    </Field>
  );

  const wordCount = parseLines(form.wordList, true).length;

  return (
    <form id={formId} className="settings-form" onSubmit={onSubmit} noValidate>
      {error && (
        <div className="alert alert--error" role="alert" data-testid="settings-error">
          {error}
          {conflict && (
            <button type="button" className="button button--small" onClick={loadCurrent}>
              {t('settings.wording.loadCurrent')}
            </button>
          )}
        </div>
      )}
      <fieldset disabled={!editable || save.isPending} className="settings-form__fieldset">
        <section className="settings-section" aria-labelledby={`${formId}-rules`}>
          <h2 id={`${formId}-rules`} className="settings-section__title">
            {t('settings.wording.section.rules')}
          </h2>
          <p className="field__hint">{t('settings.wording.rules.intro')}</p>
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t('settings.wording.rules.rule')}</th>
                <th scope="col">{t('settings.wording.rules.setting')}</th>
              </tr>
            </thead>
            <tbody>
              {WORDING_RULE_IDS.map((id) => {
                const defaultSeverity = t(`wording.severity.${WORDING_RULES[id].severity}`);
                return (
                  <tr key={id}>
                    <th scope="row">
                      <span className="settings-table__name">{t(`wording.rule.${id}`)}</span>
                      <code className="settings-table__id">{id}</code>
                    </th>
                    <td>
                      {isTunable(id) ? (
                        <select
                          aria-label={t('settings.wording.rules.settingFor', {
                            rule: t(`wording.rule.${id}`),
                          })}
                          value={form.rules[id]}
                          data-rule={id}
                          onChange={(e) =>
                            set('rules', {
                              ...form.rules,
                              [id]: e.target.value as FormValues['rules'][TunableWordingRuleId],
                            })
                          }
                        >
                          <option value="">
                            {t('settings.wording.rules.default', { severity: defaultSeverity })}
                          </option>
                          <option value="error">{t('wording.severity.error')}</option>
                          <option value="warning">{t('wording.severity.warning')}</option>
                          <option value="hint">{t('wording.severity.hint')}</option>
                          <option value="off">{t('settings.wording.rules.off')}</option>
                        </select>
                      ) : (
                        <span className="settings-table__locked">
                          {t('settings.wording.rules.locked', { severity: defaultSeverity })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section className="settings-section" aria-labelledby={`${formId}-language`}>
          <h2 id={`${formId}-language`} className="settings-section__title">
            {t('settings.wording.section.language')}
          </h2>
          <div className="settings-grid">
            <Field
              label={t('settings.wording.language.label')}
              hint={t('settings.wording.language.hint')}
            >
              <select
                name="language"
                value={form.language}
                onChange={(e) => set('language', e.target.value as FormValues['language'])}
              >
                <option value="">{t('settings.wording.language.auto')}</option>
                <option value="de">{t('settings.wording.language.de')}</option>
                <option value="en">{t('settings.wording.language.en')}</option>
              </select>
            </Field>
            <Field
              label={t('settings.wording.gender.label')}
              hint={t('settings.wording.gender.hint')}
            >
              <select
                name="genderStyle"
                value={form.genderStyle}
                onChange={(e) => set('genderStyle', GenderStyleSchema.parse(e.target.value))}
              >
                {GENDER_STYLES.map((style) => (
                  <option key={style} value={style}>
                    {t(`settings.wording.gender.${style}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </section>

        <section className="settings-section" aria-labelledby={`${formId}-readability`}>
          <h2 id={`${formId}-readability`} className="settings-section__title">
            {t('settings.wording.section.readability')}
          </h2>
          <div className="settings-grid">
            {numberField('maxSentenceWordsDe', t('settings.wording.sentenceDe'))}
            {numberField('maxSentenceWordsEn', t('settings.wording.sentenceEn'))}
            {numberField('maxWordLetters', t('settings.wording.wordLetters'))}
            {numberField('minScore', t('settings.wording.minScore'))}
          </div>
        </section>

        <section className="settings-section" aria-labelledby={`${formId}-duplicates`}>
          <h2 id={`${formId}-duplicates`} className="settings-section__title">
            {t('settings.wording.section.duplicates')}
          </h2>
          <div className="settings-grid">
            {numberField('windowDays', t('settings.wording.windowDays'))}
            {numberField('minSimilarityPercent', t('settings.wording.similarity'))}
          </div>
        </section>

        <section className="settings-section" aria-labelledby={`${formId}-style`}>
          <h2 id={`${formId}-style`} className="settings-section__title">
            {t('settings.wording.section.style')}
          </h2>
          <div className="settings-grid">
            {numberField('maxEmoji', t('settings.wording.maxEmoji'))}
            {numberField('maxEmojiRun', t('settings.wording.maxEmojiRun'))}
            {numberField('minShoutingWords', t('settings.wording.minShouting'))}
          </div>
        </section>

        <section className="settings-section" aria-labelledby={`${formId}-engagement`}>
          <h2 id={`${formId}-engagement`} className="settings-section__title">
            {t('settings.wording.section.engagement')}
          </h2>
          <div className="settings-grid">
            {listField('ctaDe', t('settings.wording.ctaDe'), t('settings.wording.ctaHint'))}
            {listField('ctaEn', t('settings.wording.ctaEn'), t('settings.wording.ctaHint'))}
          </div>
        </section>

        <section className="settings-section" aria-labelledby={`${formId}-words`}>
          <h2 id={`${formId}-words`} className="settings-section__title">
            {t('settings.wording.section.words')}
          </h2>
          {listField(
            'wordList',
            t('settings.wording.words.label'),
            t('settings.wording.words.count', { count: wordCount }),
          )}
        </section>
      </fieldset>
      {editable && (
        <div className="settings-form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={save.isPending}
            data-testid="settings-save"
          >
            {save.isPending ? t('settings.wording.saving') : t('settings.wording.save')}
          </button>
        </div>
      )}
    </form>
  );
}
