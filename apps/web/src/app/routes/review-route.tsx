import type { Post } from '@postplan/contracts';
import { useState } from 'react';
import { ComposedPostEditor } from './composed-post-editor';
import { ReviewQueuePage } from '../../features/review/components/review-queue-page';
import { useChannels } from '../../lib/api/queries';
import { useWorkspace } from '../session';

/** The review queue; a post opens in the same editor as on the calendar. */
export function ReviewRoute() {
  const { me, workspace } = useWorkspace();
  const { channels } = useChannels(workspace.slug);
  const [open, setOpen] = useState<{ key: number; post: Post } | null>(null);

  return (
    <>
      <ReviewQueuePage
        key={workspace.slug}
        workspace={workspace}
        channels={channels}
        onOpenPost={(post) => setOpen((current) => ({ key: (current?.key ?? 0) + 1, post }))}
      />
      {open && (
        <ComposedPostEditor
          key={open.key}
          workspace={workspace}
          userId={me.user.id}
          channels={channels}
          target={{ kind: 'edit', post: open.post }}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
