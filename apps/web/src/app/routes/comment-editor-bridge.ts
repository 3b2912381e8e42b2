import { type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import type { CommentThread, Post } from '@postplan/contracts';
import {
  commentHighlights,
  syncCommentHighlights,
} from '../../features/comments/extensions/comment-highlights';
import {
  highlightsFor,
  selectionForComment,
  type CommentSelection,
} from '../../features/comments/utils/threads';
import { BASE_FIELD } from '../../features/wording/utils/targets';

export const channelOf = (field: string): string | null => (field === BASE_FIELD ? null : field);

/** The saved text of one field: the base text, or a channel's own text ('' when it has none). */
export function savedText(post: Post, field: string): string {
  if (field === BASE_FIELD) return post.text;
  return post.variants.find((v) => v.channelId === field)?.text ?? '';
}

type BridgeEvents = {
  /** Words selected in a text that is as saved (null: nothing to anchor to). */
  onSelection: (selection: CommentSelection | null) => void;
  /** Whether a text differs from its saved version. */
  onDirty: (field: string, dirty: boolean) => void;
  /** A highlight was clicked. */
  onActivate: (threadId: string) => void;
};

/**
 * Connects the comment sidebar with the editor's CodeMirror texts: one set of extensions per
 * text field, which reports selections and edits and draws the threads' highlights. It lives as
 * long as the editor and always works with the latest threads and saved post it was given.
 */
export class CommentEditorBridge {
  private readonly views = new Map<string, EditorView>();
  private saved: Post;
  private threads: readonly CommentThread[] = [];
  private active: string | null = null;

  constructor(
    saved: Post,
    private readonly events: BridgeEvents,
  ) {
    this.saved = saved;
  }

  update(saved: Post, threads: readonly CommentThread[], active: string | null): void {
    this.saved = saved;
    this.threads = threads;
    this.active = active;
    for (const [field, view] of this.views) this.draw(field, view);
  }

  /** Selects a thread's words in their text and moves the caret there. */
  reveal(thread: CommentThread): void {
    const range = thread.anchor?.range;
    const view = this.views.get(thread.anchor?.channelId ?? BASE_FIELD);
    if (!range || !view) return;
    view.dispatch({
      selection: { anchor: range.start, head: range.end },
      effects: EditorView.scrollIntoView(range.start, { y: 'center' }),
    });
    view.focus();
  }

  extensionsFor(field: string): Extension[] {
    return [
      commentHighlights({ onActivate: (id) => this.events.onActivate(id) }),
      ViewPlugin.define((view) => {
        this.views.set(field, view);
        // Not during the update that adds the plugin: a view cannot be updated inside one.
        queueMicrotask(() => {
          if (this.views.get(field) === view) this.draw(field, view);
        });
        return {
          destroy: () => {
            if (this.views.get(field) === view) this.views.delete(field);
          },
        };
      }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged && !update.selectionSet) return;
        const text = update.state.doc.toString();
        const unchanged = text === savedText(this.saved, field);
        this.events.onDirty(field, !unchanged);
        const { from, to } = update.state.selection.main;
        // Offsets refer to the saved text: words in unsaved edits cannot be anchored.
        if (from === to || !unchanged) {
          if (update.selectionSet) this.events.onSelection(null);
          return;
        }
        this.events.onSelection(selectionForComment(text, from, to, channelOf(field)));
      }),
    ];
  }

  private draw(field: string, view: EditorView): void {
    syncCommentHighlights(view, highlightsFor(this.threads, channelOf(field)), this.active);
  }
}
