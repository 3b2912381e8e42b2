import type { Post } from '@postplan/contracts';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../lib/api/endpoints';

/**
 * `?post=<id>` in the address (the links in notifications and e-mails): loads that post of
 * workspace `slug` and hands it to `onPost` (or the failure to `onError`), then takes `post`
 * out of the address, so a reload or going back does not open it again. A post that arrives
 * after a switch of workspace, or after the page has gone, is dropped.
 */
export function useLinkedPost(
  slug: string,
  onPost: (post: Post) => void,
  onError: (error: unknown) => void,
): void {
  const [params, setParams] = useSearchParams();
  const linked = params.get('post');
  // Removing `post` from the address changes `linked` at once, so the loading effect's own
  // clean-up cannot be what cancels the load: the slug shown now decides.
  const shownSlug = useRef<string | null>(slug);
  useEffect(() => {
    shownSlug.current = slug;
    return () => {
      shownSlug.current = null;
    };
  }, [slug]);
  useEffect(() => {
    if (!linked) return;
    const asked = slug;
    api.post(asked, linked).then(
      (post) => {
        if (shownSlug.current === asked) onPost(post);
      },
      (error: unknown) => {
        if (shownSlug.current === asked) onError(error);
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
  }, [linked, slug]);
}
