import type { MediaCheckProblem, MediaCheckRequest } from '@postplan/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, queryKeys } from '../../../lib/api/endpoints';

/** How long the media stay unchanged before the server is asked about them. */
export const MEDIA_CHECK_DEBOUNCE_MS = 400;

const NONE: ReadonlyMap<string, readonly MediaCheckProblem[]> = new Map();

/**
 * What each channel's platform would refuse about the media as they stand in the form, asked of
 * the server (`POST media/check`, the check submit uses) once they have been left alone for
 * 400 ms. A change while a request is out cancels it; the last answer stays shown until the
 * next arrives, without the problems of items or channels removed since. A failed request shows
 * nothing: the editor stays usable and submit still checks.
 */
export function useMediaCheck(
  workspace: string,
  request: MediaCheckRequest | null,
  enabled: boolean,
): ReadonlyMap<string, readonly MediaCheckProblem[]> {
  const key = request ? JSON.stringify(request) : null;
  const [asked, setAsked] = useState<MediaCheckRequest | null>(request);
  useEffect(() => {
    const timer = setTimeout(
      () => setAsked(key ? (JSON.parse(key) as MediaCheckRequest) : null),
      MEDIA_CHECK_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [key]);

  const query = useQuery({
    queryKey: queryKeys.mediaCheck(workspace, asked ?? { channels: [] }),
    queryFn: ({ signal }) => api.checkMedia(workspace, asked!, signal),
    enabled: enabled && asked !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  const answer = query.isError ? undefined : query.data;

  return useMemo(() => {
    if (!answer || !request || !enabled) return NONE;
    const current = new Map(
      request.channels.map((c) => [
        c.channelId,
        new Set((c.media ?? request.media ?? []).map((m) => m.mediaId)),
      ]),
    );
    const byChannel = new Map<string, MediaCheckProblem[]>();
    for (const channel of answer.channels) {
      const attached = current.get(channel.channelId);
      if (!attached) continue;
      const problems = channel.problems.filter(
        (p) => p.mediaId === null || attached.has(p.mediaId),
      );
      if (problems.length > 0) byChannel.set(channel.channelId, problems);
    }
    return byChannel;
  }, [answer, request, enabled]);
}
