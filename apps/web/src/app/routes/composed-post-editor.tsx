import type { Extension } from '@codemirror/state';
import {
  PostSchema,
  type Channel,
  type CommentThread,
  type Post,
  type WorkspaceMembership,
} from '@postplan/contracts';
import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useState } from 'react';
import { CommentSidebar } from '../../features/comments/components/comment-sidebar';
import type { CommentSelection } from '../../features/comments/utils/threads';
import type { EditorTarget } from '../../features/editor/components/post-editor';
import { BASE_TEXT_FIELD } from '../../features/editor/components/editor-text-field';
import { api, queryKeys } from '../../lib/api/endpoints';
import { CommentEditorBridge } from './comment-editor-bridge';
import { ReviewedPostEditor } from './reviewed-post-editor';

type ComposedPostEditorProps = {
  workspace: WorkspaceMembership;
  userId: string;
  channels: readonly Channel[];
  target: EditorTarget;
  onClose: () => void;
};

/**
 * The post editor as the app shows it: for a saved post, with the comment sidebar and the
 * commented words highlighted in its texts. A new post has nothing to comment on yet.
 */
export function ComposedPostEditor(props: ComposedPostEditorProps) {
  if (props.target.kind === 'create') return <ReviewedPostEditor {...props} />;
  return <EditorWithComments {...props} post={props.target.post} />;
}

function EditorWithComments({
  workspace,
  userId,
  channels,
  post: opened,
  onClose,
}: ComposedPostEditorProps & { post: Post }) {
  const ws = workspace.slug;
  // A new key remounts the editor with a new version in its form (after a suggestion was taken).
  const [shown, setShown] = useState({ key: 0, post: opened });
  // The post as last saved; the same query as the review panel's, refreshed by every change.
  const detail = useQuery({
    queryKey: queryKeys.postDetail(ws, opened.id),
    queryFn: () => api.postDetail(ws, opened.id),
  });
  const saved: Post = useMemo(
    () => (detail.data ? PostSchema.parse(detail.data) : shown.post),
    [detail.data, shown.post],
  );
  const [threads, setThreads] = useState<readonly CommentThread[]>([]);
  const [selection, setSelection] = useState<CommentSelection | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [bridge] = useState(
    () =>
      new CommentEditorBridge(opened, {
        onSelection: setSelection,
        onActivate: setActiveThread,
        onDirty: (field, isDirty) =>
          setDirty((current) => {
            if (current.has(field) === isDirty) return current;
            const next = new Set(current);
            if (isDirty) next.add(field);
            else next.delete(field);
            return next;
          }),
      }),
  );
  useLayoutEffect(
    () => bridge.update(saved, threads, activeThread),
    [bridge, saved, threads, activeThread],
  );

  // Stable per editor: a new array would reconfigure the text fields.
  const textExtensions = useMemo(() => {
    const byField: Record<string, readonly Extension[]> = {};
    for (const field of [BASE_TEXT_FIELD, ...channels.map((c) => c.id)]) {
      byField[field] = bridge.extensionsFor(field);
    }
    return byField;
  }, [bridge, channels]);

  return (
    <ReviewedPostEditor
      key={shown.key}
      workspace={workspace}
      userId={userId}
      channels={channels}
      target={{ kind: 'edit', post: shown.post }}
      onClose={onClose}
      textExtensions={textExtensions}
      sections={
        <CommentSidebar
          workspace={ws}
          timeZone={workspace.timeZone}
          post={{ id: saved.id, version: saved.version, authorId: saved.authorId }}
          userId={userId}
          role={workspace.role}
          channels={channels.filter((c) => saved.variants.some((v) => v.channelId === c.id))}
          selection={selection}
          onClearSelection={() => setSelection(null)}
          activeThreadId={activeThread}
          onActivateThread={(thread) => {
            setActiveThread(thread.id);
            bridge.reveal(thread);
          }}
          onThreadsChange={setThreads}
          onPostChanged={(next) => {
            setSelection(null);
            setDirty(new Set());
            setShown((current) => ({ key: current.key + 1, post: PostSchema.parse(next) }));
          }}
          hasUnsavedChanges={dirty.size > 0}
        />
      }
    />
  );
}
