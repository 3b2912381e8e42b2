import { useState } from 'react';
import { CalendarPage, type CreateRequest } from '../../features/calendar/components/calendar-page';
import { type EditorTarget } from '../../features/editor/components/post-editor';
import { useToast } from '../../components/ui/toast';
import { errorMessage } from '../../lib/i18n/error-message';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useChannels } from '../../lib/api/queries';
import { PublicationChips } from '../../features/publishing/components/publication-chips';
import { useWorkspace } from '../session';
import { ComposedPostEditor } from './composed-post-editor';
import { useLinkedPost } from './use-linked-post';

/**
 * Composes the calendar and the editor; the two features only meet here. `?post=<id>` (the
 * links in notifications and e-mails) opens that post in the editor.
 */
export function CalendarRoute() {
  const { me, workspace } = useWorkspace();
  const { channels, channelsById } = useChannels(workspace.slug);
  const { t } = useI18n();
  const toast = useToast();
  const [editor, setEditor] = useState<{ key: number; target: EditorTarget } | null>(null);

  const open = (target: EditorTarget) =>
    setEditor((current) => ({ key: (current?.key ?? 0) + 1, target }));
  const onCreate = ({ slot, status }: CreateRequest) => open({ kind: 'create', slot, status });

  useLinkedPost(
    workspace.slug,
    (post) => open({ kind: 'edit', post }),
    (error) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
  );

  return (
    <>
      <CalendarPage
        key={workspace.slug}
        workspace={workspace}
        userId={me.user.id}
        onCreate={onCreate}
        onOpenPost={(post) => open({ kind: 'edit', post })}
        renderPostExtra={(post) => (
          <PublicationChips publications={post.publications} channelsById={channelsById} />
        )}
      />
      {editor && (
        <ComposedPostEditor
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
