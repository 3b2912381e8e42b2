import { useId } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { PostEditorState } from '../hooks/use-post-editor';

type EditorFooterProps = {
  editor: PostEditorState;
  formId: string;
  /** Findings of the wording review that block submitting. */
  blockingCount: number;
};

/** Delete, cancel, submit and save; while confirming a submission, back and confirm. */
export function EditorFooter({ editor, formId, blockingCount }: EditorFooterProps) {
  const { t } = useI18n();
  const blockedNoteId = useId();
  const blocked = blockingCount > 0;
  const { base, editable, pending, submittable, policyKind } = editor;

  if (editor.confirming) {
    return (
      <div className="editor-footer">
        <button type="button" className="button" onClick={() => editor.setConfirming(false)}>
          {t('editor.submit.back')}
        </button>
        <span className="editor-footer__spacer" />
        <button
          type="button"
          className="button button--primary"
          disabled={
            pending || blocked || editor.timeBlocks || editor.textMissing || editor.optionsInvalid
          }
          onClick={() => void editor.submitForReview(blocked)}
          data-testid="editor-submit-confirm"
        >
          {editor.submitting
            ? t('editor.submit.submitting')
            : t(editor.releases ? 'editor.release.confirm' : 'editor.submit.confirm')}
        </button>
      </div>
    );
  }

  return (
    <div className="editor-footer">
      {base && editable && (
        <button
          type="button"
          className="button button--danger"
          onClick={editor.onDelete}
          disabled={pending}
        >
          {editor.deleting ? t('editor.deleting') : t('editor.delete')}
        </button>
      )}
      <span className="editor-footer__spacer" />
      {submittable && blocked && (
        <button
          type="button"
          id={blockedNoteId}
          className="button button--ghost button--small editor-footer__blocked"
          onClick={() => editor.setConfirming(true)}
          data-testid="submit-blocked-note"
        >
          {t('editor.submit.blockedNote', { count: blockingCount })}
        </button>
      )}
      <button type="button" className="button" onClick={editor.onClose}>
        {editable ? t('editor.cancel') : t('editor.close')}
      </button>
      {submittable && (
        <button
          type="button"
          className="button"
          disabled={pending || blocked}
          aria-describedby={blocked ? blockedNoteId : undefined}
          onClick={() => editor.setConfirming(true)}
          data-testid="editor-submit"
        >
          {t(
            policyKind === 'none'
              ? 'editor.release.open'
              : policyKind === 'optional'
                ? 'editor.release.openOptional'
                : 'editor.submit.open',
          )}
        </button>
      )}
      {editable && (
        <button
          type="submit"
          form={formId}
          className="button button--primary"
          disabled={pending}
          data-testid="editor-save"
        >
          {editor.saving ? t('editor.saving') : base ? t('editor.save') : t('editor.create')}
        </button>
      )}
    </div>
  );
}
