import { EditorView } from '@codemirror/view';
import { act } from '@testing-library/react';

/** Replaces the whole text of a CodeMirror field as typing would (jsdom cannot type into it). */
export function setEditorText(box: HTMLElement, text: string): void {
  const view = EditorView.findFromDOM(box);
  if (!view) throw new Error('Not a CodeMirror editor');
  act(() => {
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      userEvent: 'input.type',
    });
  });
}

/** Moves the cursor as the arrow keys would, with the editor focused. */
export function moveCursor(box: HTMLElement, position: number): void {
  const view = EditorView.findFromDOM(box);
  if (!view) throw new Error('Not a CodeMirror editor');
  act(() => {
    view.focus();
    view.dispatch({ selection: { anchor: position } });
  });
}
