import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CalendarPage, type CreateRequest } from '../../features/calendar/components/calendar-page';
import { type EditorTarget } from '../../features/editor/components/post-editor';
import { useToast } from '../../components/ui/toast';
import { api } from '../../lib/api/endpoints';
import { errorMessage } from '../../lib/i18n/error-message';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useChannels } from '../../lib/api/queries';
import { PublicationChips } from '../../features/publishing/components/publication-chips';
import { useWorkspace } from '../session';
import { ComposedPostEditor } from './composed-post-editor';

/**
 * Composes the calendar and the editor; the two features only meet here. `?post=<id>` (the
 * links in notifications and e-mails) opens that post in the editor.
 */
export function CalendarRoute() {
  const { me, workspace } = useWorkspace();
  const { channels, channelsById } = useChannels(workspace.slug);
  const { t } = useI18n();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const [editor, setEditor] = useState<{ key: number; target: EditorTarget } | null>(null);

  const open = (target: EditorTarget) =>
    setEditor((current) => ({ key: (current?.key ?? 0) + 1, target }));
  const onCreate = ({ slot, status }: CreateRequest) => open({ kind: 'create', slot, status });

  const linked = params.get('post');
  // The slug the page shows now: a linked post that arrives after a switch of workspace, or
  // after the page has gone, is not opened. (Removing `post` from the address below changes
  // `linked` at once, so the effect's own clean-up cannot be what cancels the load.)
  const shownSlug = useRef<string | null>(workspace.slug);
  useEffect(() => {
    shownSlug.current = workspace.slug;
    return () => {
      shownSlug.current = null;
    };
  }, [workspace.slug]);
  useEffect(() => {
    if (!linked) return;
    const slug = workspace.slug;
    api.post(slug, linked).then(
      (post) => {
        if (shownSlug.current === slug) open({ kind: 'edit', post });
      },
      (error: unknown) => {
        if (shownSlug.current === slug) {
          toast.show({ tone: 'error', message: errorMessage(error, t) });
        }
      },
    );
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('post');
        return next;
      },
      { replace: true },
    );
    // Opening is a reaction to the link alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked, workspace.slug]);

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
