import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { MemberOption } from '../utils/mention-query';
import type { CommentSelection } from '../utils/threads';
import { MentionTextarea } from './mention-textarea';

export type ComposerValue = { body: string; suggestion?: string };

type CommentComposerProps = {
  label: string;
  placeholder: string;
  members: readonly MemberOption[];
  /** Words selected in the text: the comment is anchored to them and may suggest a change. */
  selection?: CommentSelection | null;
  onClearSelection?: () => void;
  pending: boolean;
  /** Resolves to whether it was sent; the field is cleared only then. */
  onSubmit: (value: ComposerValue) => Promise<boolean>;
  onCancel?: () => void;
  submitLabel?: string;
  initialBody?: string;
  autoFocus?: boolean;
  testId?: string;
};

const QUOTE_PREVIEW = 60;

export function CommentComposer({
  label,
  placeholder,
  members,
  selection = null,
  onClearSelection,
  pending,
  onSubmit,
  onCancel,
  submitLabel,
  initialBody = '',
  autoFocus = false,
  testId,
}: CommentComposerProps) {
  const { t } = useI18n();
  const suggestionId = useId();
  const [body, setBody] = useState(initialBody);
  const [suggesting, setSuggesting] = useState(false);
  const [suggestion, setSuggestion] = useState('');
  const [prevQuote, setPrevQuote] = useState(selection?.quote);

  // A new selection starts a new suggestion from its words.
  if (selection?.quote !== prevQuote) {
    setPrevQuote(selection?.quote);
    setSuggestion(selection?.quote ?? '');
  }

  const suggests = suggesting && selection !== null;
  const unchanged = suggests && suggestion === selection.quote;
  const canSend = !pending && !unchanged && (body.trim() !== '' || suggests);

  const send = () => {
    if (!canSend) return;
    const value: ComposerValue = suggests
      ? { body: body.trim(), suggestion }
      : { body: body.trim() };
    void onSubmit(value).then((sent) => {
      if (!sent) return;
      setBody('');
      setSuggesting(false);
    });
  };

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const quote =
    selection && selection.quote.length > QUOTE_PREVIEW
      ? `${selection.quote.slice(0, QUOTE_PREVIEW - 1)}…`
      : selection?.quote;

  return (
    <form className="comment-composer" onSubmit={onFormSubmit} data-testid={testId}>
      {selection && (
        <p className="comment-composer__target">
          <span className="comment-quote">
            {t('comments.new.onSelection', { quote: quote ?? '' })}
          </span>
          {onClearSelection && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={onClearSelection}
            >
              {t('comments.new.clearSelection')}
            </button>
          )}
        </p>
      )}
      <MentionTextarea
        value={body}
        onChange={setBody}
        members={members}
        label={label}
        placeholder={placeholder}
        disabled={pending}
        autoFocus={autoFocus}
        onSubmit={send}
        testId={testId ? `${testId}-body` : undefined}
      />
      {selection && (
        <div className="comment-composer__suggest">
          <label className="choice">
            <input
              type="checkbox"
              checked={suggesting}
              onChange={(e) => setSuggesting(e.target.checked)}
            />
            {t('comments.suggest.toggle')}
          </label>
          {suggesting && (
            <div className="field">
              <label className="field__label" htmlFor={suggestionId}>
                {t('comments.suggest.label')}
              </label>
              <textarea
                id={suggestionId}
                rows={2}
                value={suggestion}
                onChange={(e) => setSuggestion(e.target.value)}
              />
            </div>
          )}
        </div>
      )}
      <div className="comment-composer__actions">
        {onCancel && (
          <button type="button" className="button button--small" onClick={onCancel}>
            {t('comments.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary button--small" disabled={!canSend}>
          {pending ? t('comments.sending') : (submitLabel ?? t('comments.submit'))}
        </button>
      </div>
    </form>
  );
}
