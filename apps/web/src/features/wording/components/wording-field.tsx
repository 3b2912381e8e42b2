import type { Extension } from '@codemirror/state';
import { useCallback, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { LengthInfo } from '../utils/counter';
import type { UiFinding, UiFix } from '../utils/findings';
import { applyFix } from '../utils/text-edit';
import { FindingsList } from './findings-list';
import { LengthCounter } from './length-counter';
import { WordingEditor, type WordingEditorHandle } from './wording-editor';

export type FieldCounter = { key: string; label: string; length: LengthInfo };

type WordingFieldProps = {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  findings: readonly UiFinding[];
  counters: readonly FieldCounter[];
  /** Channel names by id, to say which channel a finding of a shared text is about. */
  channelNames: ReadonlyMap<string, string>;
  readOnly?: boolean;
  error?: string | null;
  placeholder?: string;
  testId: string;
  /** More CodeMirror extensions for this field (the composing screen's, e.g. comments). */
  extensions?: readonly Extension[];
  /** The editor's handle, for the composing screen. */
  editorRef?: Ref<WordingEditorHandle>;
};

/**
 * A post text with its wording review: the editor with underlines, a counter per channel the
 * text goes to, the finding under the cursor explained (announced politely), and every finding
 * listed below with its fixes.
 */
export function WordingField({
  label,
  hint,
  value,
  onChange,
  findings,
  counters,
  channelNames,
  readOnly = false,
  error,
  placeholder,
  testId,
  extensions,
  editorRef,
}: WordingFieldProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const editor = useRef<WordingEditorHandle>(null);
  useImperativeHandle(editorRef, () => ({
    select: (start, end) => editor.current?.select(start, end),
    applyFix: (chosen) => editor.current?.applyFix(chosen),
    view: () => editor.current?.view() ?? null,
  }));
  const [cursor, setCursor] = useState<number | null>(null);
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hereId = `${id}-here`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, hereId]
    .filter(Boolean)
    .join(' ');

  const here =
    cursor === null
      ? []
      : findings.filter((f) => f.end > f.start && f.start <= cursor && cursor <= f.end);

  const fix = useCallback(
    (chosen: UiFix) => {
      if (editor.current) editor.current.applyFix(chosen);
      else onChange(applyFix(value, chosen).text);
    },
    [onChange, value],
  );

  return (
    <div className="field wording-field" data-testid={testId}>
      <div className="wording-field__head">
        <span id={labelId} className="field__label">
          {label}
        </span>
        {counters.length > 0 && (
          <span className="wording-field__counters">
            {counters.map((counter) => (
              <LengthCounter
                key={counter.key}
                label={counter.label}
                length={counter.length}
                testId={`counter-${counter.key}`}
              />
            ))}
          </span>
        )}
      </div>
      <WordingEditor
        ref={editor}
        value={value}
        onChange={onChange}
        findings={findings}
        locale={locale}
        labelId={labelId}
        describedBy={describedBy}
        readOnly={readOnly}
        onCursor={setCursor}
        {...(extensions ? { extensions } : {})}
        {...(placeholder ? { placeholder } : {})}
      />
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <p id={hereId} className="wording-field__here" role="status" aria-live="polite">
        {here.map((f) => (
          <span key={f.key} className={`wording-field__here-item finding--${f.severity}`}>
            {t(`wording.severity.${f.severity}`)}: {f.message[locale]}
          </span>
        ))}
      </p>
      <FindingsList
        findings={findings}
        text={value}
        channelNames={channelNames}
        onShow={(finding) => editor.current?.select(finding.start, finding.end)}
        onFix={fix}
        readOnly={readOnly}
        testId={`${testId}-findings`}
      />
    </div>
  );
}
