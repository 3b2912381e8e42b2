/** @jest-environment jsdom */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  commentHighlights,
  highlightRange,
  setActiveCommentThread,
  setCommentHighlights,
  syncCommentHighlights,
  threadsAt,
} from './comment-highlights';

const TEXT = 'Unser Gewinnspiel startet am Montag.';
const MONTAG = { threadId: 't1', from: 26, to: 35, suggestion: true };
const GEWINN = { threadId: 't2', from: 6, to: 17, suggestion: false };

function stateWith(highlights = [MONTAG, GEWINN]) {
  const state = EditorState.create({ doc: TEXT, extensions: commentHighlights() });
  return state.update({ effects: setCommentHighlights.of({ highlights }) }).state;
}

describe('commentHighlights (state)', () => {
  it('places each thread on its words and finds the thread at a position', () => {
    const state = stateWith();
    expect(highlightRange(state, 't1')).toEqual({ from: 26, to: 35 });
    expect(threadsAt(state, 30)).toEqual(['t1']);
    expect(threadsAt(state, 2)).toEqual([]);
  });

  it('moves highlights with edits made before the server places them again', () => {
    const state = stateWith().update({ changes: { from: 0, insert: 'Endlich! ' } }).state;
    expect(highlightRange(state, 't1')).toEqual({ from: 35, to: 44 });
    expect(state.sliceDoc(35, 44)).toBe('am Montag');
  });

  it('leaves out a range that does not fit the text being edited', () => {
    const state = stateWith([{ threadId: 'far', from: 30, to: 99, suggestion: false }]);
    expect(highlightRange(state, 'far')).toBeNull();
  });

  it('keeps positions when the focused thread changes', () => {
    const moved = stateWith().update({ changes: { from: 0, insert: '>> ' } }).state;
    const focused = moved.update({ effects: setActiveCommentThread.of('t2') }).state;
    expect(highlightRange(focused, 't2')).toEqual({ from: 9, to: 20 });
    expect(highlightRange(focused, 't1')).toEqual({ from: 29, to: 38 });
  });
});

describe('commentHighlights (view)', () => {
  let view: EditorView | null = null;
  afterEach(() => view?.destroy());

  it('marks the words in the DOM and reports a click on them', () => {
    const onActivate = jest.fn();
    view = new EditorView({
      parent: document.body,
      state: EditorState.create({ doc: TEXT, extensions: commentHighlights({ onActivate }) }),
    });
    syncCommentHighlights(view, [MONTAG, GEWINN], 't2');
    const marks = [...view.dom.querySelectorAll<HTMLElement>('[data-comment-thread]')];
    expect(marks.map((m) => [m.dataset.commentThread, m.textContent])).toEqual([
      ['t2', 'Gewinnspiel'],
      ['t1', 'am Montag'],
    ]);
    expect(marks[0]!.className).toContain('cm-comment-mark--active');
    expect(marks[1]!.className).toContain('cm-comment-mark--suggestion');

    marks[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onActivate).toHaveBeenCalledWith('t1');
    const active = view.dom.querySelector('.cm-comment-mark--active');
    expect(active?.getAttribute('data-comment-thread')).toBe('t1');
  });
});
