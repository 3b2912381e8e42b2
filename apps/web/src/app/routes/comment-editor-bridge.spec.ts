/** @jest-environment jsdom */
import { EditorView } from '@codemirror/view';
import type { CommentThread, Post } from '@postplan/contracts';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { CommentEditorBridge } from './comment-editor-bridge';

const IG = '00000000-0000-4000-8000-0000000000c1';
const post = (text: string): Post => ({
  id: '00000000-0000-4000-8000-000000000001',
  version: 3,
  status: 'in_review',
  title: '',
  text,
  plannedAt: null,
  tags: [],
  variants: [{ channelId: IG, text: 'Link in Bio' }],
  authorId: '00000000-0000-4000-8000-0000000000a1',
  campaignId: null,
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
});
const TEXT = 'Am Samstag feiern wir.';

const thread = (over: Partial<CommentThread['anchor'] & object> = {}): CommentThread =>
  ({
    id: 't1',
    anchor: {
      channelId: null,
      quote: 'Samstag',
      original: { start: 3, end: 10 },
      range: { start: 3, end: 10 },
      outdated: false,
      ...over,
    },
    suggestion: { text: 'Sonntag', state: 'open', decidedAt: null, decidedBy: null },
    resolvedAt: null,
  }) as unknown as CommentThread;

const views: EditorView[] = [];
afterEach(() => views.splice(0).forEach((v) => v.destroy()));

function setup(field = 'base', doc = TEXT) {
  const events = { onSelection: jest.fn(), onDirty: jest.fn(), onActivate: jest.fn() };
  const bridge = new CommentEditorBridge(post(TEXT), events);
  const view = new EditorView({
    doc,
    extensions: bridge.extensionsFor(field),
    parent: document.body,
  });
  views.push(view);
  return { bridge, view, events };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CommentEditorBridge', () => {
  it('reports words selected in the saved text, with their offsets and quote', () => {
    const { view, events } = setup();
    view.dispatch({ selection: { anchor: 3, head: 10 } });
    expect(events.onSelection).toHaveBeenLastCalledWith({
      channelId: null,
      start: 3,
      end: 10,
      quote: 'Samstag',
    });
    view.dispatch({ selection: { anchor: 5 } });
    expect(events.onSelection).toHaveBeenLastCalledWith(null);
  });

  it('anchors nothing in a text with unsaved edits, and says it is dirty until it is as saved', () => {
    const { view, events } = setup();
    view.dispatch({ changes: { from: 0, insert: 'Hallo! ' } });
    expect(events.onDirty).toHaveBeenLastCalledWith('base', true);
    view.dispatch({ selection: { anchor: 10, head: 17 } });
    expect(events.onSelection).toHaveBeenLastCalledWith(null);
    view.dispatch({ changes: { from: 0, to: 7 } });
    expect(events.onDirty).toHaveBeenLastCalledWith('base', false);
  });

  it('knows a channel text by its own saved text', () => {
    const { view, events } = setup(IG, 'Link in Bio');
    view.dispatch({ selection: { anchor: 0, head: 4 } });
    expect(events.onSelection).toHaveBeenLastCalledWith({
      channelId: IG,
      start: 0,
      end: 4,
      quote: 'Link',
    });
  });

  it('draws the open threads of its own text and reveals a thread’s words', async () => {
    const { bridge, view } = setup();
    await flush();
    bridge.update(post(TEXT), [thread(), { ...thread({ channelId: IG }), id: 't2' }], 't1');
    const marks = [...view.dom.querySelectorAll('.cm-comment-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Samstag']);
    expect(marks[0]!.classList.contains('cm-comment-mark--active')).toBe(true);

    bridge.reveal(thread());
    expect(view.state.selection.main).toMatchObject({ from: 3, to: 10 });
  });
});
