import { useState } from 'react';
import { CalendarPage, type CreateRequest } from '../../features/calendar/components/calendar-page';
import { PostEditor, type EditorTarget } from '../../features/editor/components/post-editor';
import { useChannels } from '../../lib/api/queries';
import { useWorkspace } from '../session';

/** Composes the calendar and the editor; the two features only meet here. */
export function CalendarRoute() {
  const { me, workspace } = useWorkspace();
  const { channels } = useChannels(workspace.slug);
  const [editor, setEditor] = useState<{ key: number; target: EditorTarget } | null>(null);

  const open = (target: EditorTarget) =>
    setEditor((current) => ({ key: (current?.key ?? 0) + 1, target }));
  const onCreate = ({ slot, status }: CreateRequest) => open({ kind: 'create', slot, status });

  return (
    <>
      <CalendarPage
        key={workspace.slug}
        workspace={workspace}
        userId={me.user.id}
        onCreate={onCreate}
        onOpenPost={(post) => open({ kind: 'edit', post })}
      />
      {editor && (
        <PostEditor
          key={editor.key}
          workspace={workspace}
          userId={me.user.id}
          channels={channels}
          target={editor.target}
          onClose={() => setEditor(null)}
        />
      )}
    </>
  );
}
