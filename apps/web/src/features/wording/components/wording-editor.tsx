import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import type { Locale } from '@postplan/contracts';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { UiFinding, UiFix } from '../utils/findings';
import './wording.css';

export type WordingEditorHandle = {
  /** Selects the range and puts the focus there, e.g. from the findings list. */
  select(start: number, end: number): void;
  /** Replaces the fix's range in one undoable step. */
  applyFix(fix: UiFix): void;
  /** The CodeMirror view, for features that add their own extensions (comments). */
  view(): EditorView | null;
};

type WordingEditorProps = {
  value: string;
  onChange: (value: string) => void;
  findings: readonly UiFinding[];
  locale: Locale;
  labelId: string;
  describedBy?: string;
  readOnly?: boolean;
  placeholder?: string;
  /** The cursor moved: the findings under it are explained below the field. */
  onCursor?: (position: number | null) => void;
  testId?: string;
  /** More CodeMirror extensions from the composing screen (e.g. comment highlights). */
  extensions?: readonly Extension[];
  ref?: Ref<WordingEditorHandle>;
};

/** Marks changes that came from outside (a reloaded post), so they are not reported back. */
const fromProps = Annotation.define<boolean>();

const PHRASES: Record<Locale, Record<string, string>> = {
  de: {
    Diagnostics: 'Befunde',
    'No diagnostics': 'Keine Befunde',
    close: 'Schließen',
    'Selection deleted': 'Auswahl gelöscht',
    'Control character': 'Steuerzeichen',
  },
  en: {},
};

function diagnosticsOf(
  findings: readonly UiFinding[],
  locale: Locale,
  length: number,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    // Findings about the whole post (media required) have an empty range: the list shows them.
    if (finding.end <= finding.start || finding.end > length) continue;
    diagnostics.push({
      from: finding.start,
      to: finding.end,
      severity: finding.severity,
      message: finding.message[locale],
      markClass: `wording-mark wording-mark--${finding.severity}`,
      actions: finding.fixes.map((fix) => ({
        name: fix.label[locale],
        // The diagnostic may have moved with edits since; the fix moves with it.
        apply: (view, from) => {
          const start = from + (fix.start - finding.start);
          const end = start + (fix.end - fix.start);
          if (start < 0 || end > view.state.doc.length) return;
          view.dispatch({
            changes: { from: start, to: end, insert: fix.replacement },
            selection: { anchor: start + fix.replacement.length },
            userEvent: 'input.fix',
          });
        },
      })),
    });
  }
  return diagnostics;
}

function signatureOf(finding: UiFinding): string {
  const fixes = finding.fixes.map((f) => `${f.start}-${f.end}-${f.replacement}`).join(',');
  return `${finding.key}:${finding.severity}:${fixes}`;
}

/**
 * A post text in CodeMirror 6: the findings are underlined on their exact ranges (lint
 * diagnostics), explained in a tooltip on hover and with their fixes as buttons there. Tab leaves
 * the field (no tab characters in a post), so the form stays keyboard-friendly; F8 jumps to the
 * next finding and Ctrl/Cmd-Shift-M lists them all.
 */
export function WordingEditor({
  value,
  onChange,
  findings,
  locale,
  labelId,
  describedBy,
  readOnly = false,
  placeholder,
  onCursor,
  testId,
  extensions,
  ref,
}: WordingEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const onCursorRef = useRef(onCursor);
  const compartments = useRef({
    editable: new Compartment(),
    aria: new Compartment(),
    phrases: new Compartment(),
    placeholder: new Compartment(),
    extra: new Compartment(),
  });

  useEffect(() => {
    onChangeRef.current = onChange;
    onCursorRef.current = onCursor;
  }, [onChange, onCursor]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const c = compartments.current;
    const extensions: Extension[] = [
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      EditorView.lineWrapping,
      c.editable.of([]),
      c.aria.of([]),
      c.phrases.of([]),
      c.placeholder.of([]),
      c.extra.of([]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromProps))) {
          onChangeRef.current(update.state.doc.toString());
        }
        if (update.selectionSet || update.focusChanged) {
          onCursorRef.current?.(update.view.hasFocus ? update.state.selection.main.head : null);
        }
      }),
    ];
    const view = new EditorView({
      parent: host,
      state: EditorState.create({ doc: '', extensions }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // Settings that change with props, without rebuilding the editor (and losing undo history).
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const c = compartments.current;
    const aria: Record<string, string> = { 'aria-labelledby': labelId, 'aria-multiline': 'true' };
    if (describedBy) aria['aria-describedby'] = describedBy;
    if (readOnly) aria['aria-readonly'] = 'true';
    if (testId) aria['data-testid'] = testId;
    view.dispatch({
      effects: [
        c.editable.reconfigure([
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
        ]),
        c.aria.reconfigure(EditorView.contentAttributes.of(aria)),
        c.phrases.reconfigure(EditorState.phrases.of(PHRASES[locale])),
        c.placeholder.reconfigure(placeholder ? placeholderText(placeholder) : []),
      ],
    });
  }, [labelId, describedBy, readOnly, locale, placeholder, testId]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: compartments.current.extra.reconfigure(extensions ? [...extensions] : []),
    });
  }, [extensions]);

  // The text from props (first load, a reloaded post) and the findings for it. Diagnostics are
  // only replaced when they really changed: replacing them closes an open tooltip, and a check
  // that found the same again (the server's answer after a pause) must not do that.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const current = view.state.doc.toString();
    if (current !== value) {
      view.dispatch({
        changes: { from: 0, to: current.length, insert: value },
        annotations: [fromProps.of(true)],
      });
    }
    const signature = `${locale}\u0000${value.length}\u0000${findings.map(signatureOf).join('\u0001')}`;
    if (signature === shown.current && current === value) return;
    shown.current = signature;
    view.dispatch(setDiagnostics(view.state, diagnosticsOf(findings, locale, value.length)));
  }, [value, findings, locale]);

  useImperativeHandle(
    ref,
    () => ({
      select(start, end) {
        const view = viewRef.current;
        if (!view) return;
        const length = view.state.doc.length;
        view.dispatch({
          selection: { anchor: Math.min(start, length), head: Math.min(end, length) },
          scrollIntoView: true,
        });
        view.focus();
      },
      applyFix(fix) {
        const view = viewRef.current;
        if (!view || fix.end > view.state.doc.length) return;
        view.dispatch({
          changes: { from: fix.start, to: fix.end, insert: fix.replacement },
          selection: { anchor: fix.start + fix.replacement.length },
          userEvent: 'input.fix',
        });
      },
      view: () => viewRef.current,
    }),
    [],
  );

  return <div ref={hostRef} className="wording-editor" data-readonly={readOnly || undefined} />;
}
