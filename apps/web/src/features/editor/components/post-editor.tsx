import type { Extension } from '@codemirror/state';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Field } from '../../../components/ui/field';
import { SidePanel } from '../../../components/ui/side-panel';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { PostEditorState } from '../hooks/use-post-editor';
import { ChannelVariants } from './channel-variants';
import { ConflictCompare } from './conflict-compare';
import { EditorFooter } from './editor-footer';
import { CampaignField } from './campaign-field';
import { BASE_TEXT_FIELD, type RenderTextField } from './editor-text-field';
import { PlannedTimeFields } from './planned-time-fields';

export type { EditorTarget } from '../hooks/use-post-editor';

type PostEditorProps = {
  /** The editor's state, from `usePostEditor`. */
  editor: PostEditorState;
  /** Draws a text field (base or variant); the app composes it with the wording review. */
  renderTextField: RenderTextField;
  /** Findings that block submitting, from whoever reviews the texts. */
  blockingCount: number;
  /** Shown above the form while confirming a submission (the wording summary). */
  summary?: ReactNode;
  /** The saved post's review state and history, from the review feature. */
  reviewPanel?: ReactNode;
  /** Shown at the top of the panel, e.g. the open change request from the review feature. */
  notice?: ReactNode;
  /**
   * CodeMirror extensions other features add to a text field, by field ('base' or a channel id),
   * e.g. comment highlights. Keep the arrays stable (memoised): a new array reconfigures them.
   */
  textExtensions?: Readonly<Record<string, readonly Extension[]>> | undefined;
  /** More sections at the end of the panel, from features the app composes with the editor. */
  sections?: ReactNode;
};

/** The side panel that creates or edits one post; its state lives in `usePostEditor`. */
export function PostEditor({
  editor,
  renderTextField,
  blockingCount,
  summary,
  reviewPanel,
  notice,
  textExtensions,
  sections,
}: PostEditorProps) {
  const { t, locale } = useI18n();
  const formId = useId();
  const summaryHeading = useRef<HTMLDivElement>(null);
  const { base, values, editable, stale, formError, serverBlockers, confirming, policyKind } =
    editor;
  const channelNames = new Map(editor.channels.map((c) => [c.id, c.name] as const));
  const baseExtensions = textExtensions?.[BASE_TEXT_FIELD];

  useEffect(() => {
    if (confirming) summaryHeading.current?.focus();
  }, [confirming]);

  return (
    <SidePanel
      title={base ? t('editor.editTitle') : t('editor.createTitle')}
      onClose={editor.onClose}
      closeLabel={t('editor.close')}
      footer={<EditorFooter editor={editor} formId={formId} blockingCount={blockingCount} />}
      testId="post-editor"
    >
      {stale && (
        <div className="alert alert--warning" role="alert" data-testid="stale-warning">
          <p className="alert__title">{t('editor.stale.title')}</p>
          <p>{t('editor.stale.body')}</p>
          <button type="button" className="button button--small" onClick={editor.loadCurrent}>
            {t('editor.stale.reload')}
          </button>
        </div>
      )}
      {editor.kept && (
        <div className="alert" role="group" aria-label={t('editor.conflict.yours')}>
          <ConflictCompare
            mine={editor.kept.mine}
            current={editor.kept.current}
            channelsById={editor.channelsById}
          />
          <button type="button" className="button button--small" onClick={editor.dismissKept}>
            {t('editor.conflict.dismiss')}
          </button>
        </div>
      )}
      {notice}
      {!editable && (
        <p className="notice" role="note">
          {t('editor.readOnly')}
        </p>
      )}
      {formError && !stale && (
        <div className="alert alert--error" role="alert" data-testid="editor-error">
          <p>{formError}</p>
          {serverBlockers.length > 0 && (
            <ul className="editor-form__blockers">
              {serverBlockers.map((b, index) => (
                <li key={`${b.channelId ?? ''}:${b.rule}:${index}`}>
                  {b.channelId && channelNames.has(b.channelId) && (
                    <strong>{channelNames.get(b.channelId)}: </strong>
                  )}
                  {b.messages?.[locale] ?? b.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {confirming && (
        <div
          ref={summaryHeading}
          tabIndex={-1}
          className="editor-form__summary"
          role="group"
          aria-label={t('wording.summary.title')}
        >
          <p className="field__hint">{t('editor.submit.intro')}</p>
          {policyKind === 'none' && <p className="field__hint">{t('editor.release.none')}</p>}
          {policyKind === 'optional' && (
            <label className="choice" data-testid="request-review">
              <input
                type="checkbox"
                checked={editor.requestReview}
                onChange={(e) => editor.setRequestReview(e.target.checked)}
              />
              <span>{t('editor.release.requestReview')}</span>
            </label>
          )}
          {summary}
        </div>
      )}
      <form id={formId} className="editor-form" onSubmit={editor.onSubmit} noValidate>
        <fieldset disabled={!editable} className="editor-form__fieldset">
          {base && (
            <p className="editor-form__meta">
              <StatusBadge status={base.status} label={t(`status.${base.status}`)} />
              <span>{t('editor.version', { version: base.version })}</span>
            </p>
          )}
          <Field label={t('editor.title')}>
            <input
              name="title"
              maxLength={200}
              value={values.title}
              placeholder={t('editor.titlePlaceholder')}
              onChange={(e) => editor.set('title', e.target.value)}
              data-autofocus
            />
          </Field>
          {renderTextField({
            field: BASE_TEXT_FIELD,
            counterLabel: t('wording.counter.noChannel'),
            label: t('editor.text'),
            hint: t('editor.textHint'),
            error: editor.submitted && editor.textMissing ? t('editor.textRequired') : null,
            value: values.text,
            onChange: (text) => editor.set('text', text),
            readOnly: !editable,
            testId: 'text-base',
            ...(baseExtensions ? { extensions: baseExtensions } : {}),
          })}
          {!base && (
            <Field label={t('editor.status')}>
              <select
                name="status"
                value={values.status}
                onChange={(e) => editor.set('status', e.target.value === 'idea' ? 'idea' : 'draft')}
              >
                <option value="draft">{t('status.draft')}</option>
                <option value="idea">{t('status.idea')}</option>
              </select>
            </Field>
          )}
          <PlannedTimeFields editor={editor} />
          <Field label={t('editor.tags')} hint={t('editor.tagsHint')}>
            <input
              name="tags"
              value={values.tags}
              onChange={(e) => editor.set('tags', e.target.value)}
            />
          </Field>
          <ChannelVariants
            editor={editor}
            renderTextField={renderTextField}
            textExtensions={textExtensions}
          />
          <CampaignField editor={editor} />
        </fieldset>
      </form>
      {reviewPanel}
      {sections}
    </SidePanel>
  );
}
