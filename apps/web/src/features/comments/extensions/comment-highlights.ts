import {
  type EditorState,
  type Extension,
  type Range,
  StateEffect,
  StateField,
} from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView } from '@codemirror/view';
import type { CommentHighlight } from '../utils/threads';

export const THREAD_ATTRIBUTE = 'data-comment-thread';

/** Replaces the highlighted ranges (after the threads loaded or changed). */
export const setCommentHighlights = StateEffect.define<{
  highlights: readonly CommentHighlight[];
  activeId?: string | null;
}>();

/** Marks one thread's words as the focused one (null: none). */
export const setActiveCommentThread = StateEffect.define<string | null>();

type HighlightSpec = { threadId: string; suggestion: boolean };

function mark(spec: HighlightSpec, active: boolean): Decoration {
  const classes = ['cm-comment-mark'];
  if (spec.suggestion) classes.push('cm-comment-mark--suggestion');
  if (active) classes.push('cm-comment-mark--active');
  return Decoration.mark({
    class: classes.join(' '),
    attributes: { [THREAD_ATTRIBUTE]: spec.threadId },
    highlight: spec,
  });
}

function build(
  highlights: readonly CommentHighlight[],
  activeId: string | null,
  length: number,
): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const h of highlights) {
    // Ranges come from the saved text; one beyond the text being edited is left out rather than
    // drawn on the wrong words.
    if (h.from < 0 || h.to > length || h.to <= h.from) continue;
    const spec = { threadId: h.threadId, suggestion: h.suggestion };
    ranges.push(mark(spec, h.threadId === activeId).range(h.from, h.to));
  }
  return Decoration.set(ranges, true);
}

function specOf(decoration: Decoration): HighlightSpec {
  return (decoration.spec as { highlight: HighlightSpec }).highlight;
}

function withActive(set: DecorationSet, activeId: string | null): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const cursor = set.iter();
  for (; cursor.value; cursor.next()) {
    const spec = specOf(cursor.value);
    ranges.push(mark(spec, spec.threadId === activeId).range(cursor.from, cursor.to));
  }
  return Decoration.set(ranges, true);
}

type HighlightState = { decorations: DecorationSet; activeId: string | null };

const highlightField = StateField.define<HighlightState>({
  create: () => ({ decorations: Decoration.none, activeId: null }),
  update(value, tr) {
    // Typing moves the highlights with their words until the server places them again.
    let decorations = value.decorations.map(tr.changes);
    let activeId = value.activeId;
    for (const effect of tr.effects) {
      if (effect.is(setCommentHighlights)) {
        activeId = effect.value.activeId === undefined ? activeId : effect.value.activeId;
        decorations = build(effect.value.highlights, activeId, tr.state.doc.length);
      } else if (effect.is(setActiveCommentThread)) {
        activeId = effect.value;
        decorations = withActive(decorations, activeId);
      }
    }
    return { decorations, activeId };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

/** The threads whose highlighted words cover a position, innermost (shortest) first. */
export function threadsAt(state: EditorState, pos: number): string[] {
  const found: { id: string; size: number }[] = [];
  state.field(highlightField, false)?.decorations.between(pos, pos, (from, to, value) => {
    if (from <= pos && pos <= to) found.push({ id: specOf(value).threadId, size: to - from });
  });
  return found.sort((a, b) => a.size - b.size).map((f) => f.id);
}

/** Where a thread's words stand in this editor now, if they are highlighted here. */
export function highlightRange(
  state: EditorState,
  threadId: string,
): { from: number; to: number } | null {
  let range: { from: number; to: number } | null = null;
  state
    .field(highlightField, false)
    ?.decorations.between(0, state.doc.length, (from, to, value) => {
      if (specOf(value).threadId !== threadId) return;
      range = { from, to };
      return false;
    });
  return range;
}

const theme = EditorView.baseTheme({
  '.cm-comment-mark': {
    backgroundColor: 'rgb(250 204 21 / 28%)',
    borderBottom: '2px solid rgb(202 138 4 / 70%)',
    cursor: 'pointer',
  },
  '.cm-comment-mark--suggestion': { borderBottomStyle: 'dashed' },
  '.cm-comment-mark--active': {
    backgroundColor: 'rgb(250 204 21 / 55%)',
    borderBottomColor: 'rgb(161 98 7)',
  },
});

export type CommentHighlightsOptions = {
  /** A highlight was clicked: focus its thread in the sidebar. */
  onActivate?: (threadId: string) => void;
};

/**
 * Highlights the words comments point at, in one CodeMirror editor (one text of the post), and
 * reports clicks on them. Feed it with `setCommentHighlights` (see `syncCommentHighlights`).
 */
export function commentHighlights(options: CommentHighlightsOptions = {}): Extension {
  return [
    highlightField,
    theme,
    EditorView.domEventHandlers({
      click(event, view) {
        const target = event.target instanceof Element ? event.target : null;
        const el = target?.closest(`[${THREAD_ATTRIBUTE}]`);
        let id = el?.getAttribute(THREAD_ATTRIBUTE) ?? null;
        if (!id) {
          const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
          id = pos === null ? null : (threadsAt(view.state, pos)[0] ?? null);
        }
        if (!id) return false;
        options.onActivate?.(id);
        view.dispatch({ effects: setActiveCommentThread.of(id) });
        // The click still places the caret as usual.
        return false;
      },
    }),
  ];
}

/** Puts the given highlights (and the focused thread) into an editor. */
export function syncCommentHighlights(
  view: EditorView,
  highlights: readonly CommentHighlight[],
  activeId: string | null,
): void {
  view.dispatch({ effects: setCommentHighlights.of({ highlights, activeId }) });
}
