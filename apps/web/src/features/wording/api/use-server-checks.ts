import type { WordingCheckRequest } from '@postplan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, queryKeys } from '../../../lib/api/endpoints';
import { fromServer, type UiFinding } from '../utils/findings';
import { siblingsOf, type WordingTarget } from '../utils/targets';

/** The server's answer for one target, with the text it was for (it may be older than now). */
export type ServerCheck =
  { text: string; findings: UiFinding[]; failed?: undefined } | { text: string; failed: true };

export type CheckContext = {
  /** The post being edited: left out of its own duplicate search. */
  postId?: string;
  /** When the post goes out: repeats are looked for around that time, not around now. */
  plannedAt?: string | null;
};

export function checkRequest(
  target: WordingTarget,
  targets: readonly WordingTarget[],
  context: CheckContext,
): WordingCheckRequest {
  const siblings = siblingsOf(target, targets).map(({ channelId, text }) => ({ channelId, text }));
  return {
    text: target.text,
    ...(target.channel ? { channelId: target.channel.id } : { platform: target.platform }),
    ...(context.postId ? { postId: context.postId } : {}),
    ...(context.plannedAt ? { plannedAt: context.plannedAt } : {}),
    ...(siblings.length > 0 ? { siblingVariants: siblings } : {}),
    ...(target.media.length > 0 ? { media: target.media.map((m) => ({ ...m })) } : {}),
  };
}

/**
 * Asks the check endpoint about each target, for what only the server knows (spelling with its
 * dictionaries, duplicates among stored posts). Answers are cached by request, so undoing an edit
 * or switching back is instant, and an answer that arrives after the next edit is still used:
 * the caller moves its ranges onto the current text.
 */
export function useServerChecks(
  workspace: string,
  targets: readonly WordingTarget[],
  context: CheckContext,
  enabled: boolean,
): Record<string, ServerCheck> {
  const client = useQueryClient();
  const [results, setResults] = useState<Record<string, ServerCheck>>({});
  const { postId, plannedAt } = context;

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    const store = (id: string, result: ServerCheck) => {
      if (active) setResults((current) => ({ ...current, [id]: result }));
    };
    for (const target of targets) {
      if (!target.text.trim()) continue;
      const body = checkRequest(target, targets, { postId, plannedAt });
      const channelId = target.channel?.id ?? null;
      client
        .fetchQuery({
          queryKey: queryKeys.wordingCheck(workspace, body),
          queryFn: ({ signal }) => api.checkWording(workspace, body, signal),
          staleTime: 60_000,
          retry: false,
        })
        .then(
          (response) =>
            store(target.id, {
              text: target.text,
              findings: response.findings.map((f) => fromServer(f, channelId)),
            }),
          () => store(target.id, { text: target.text, failed: true }),
        );
    }
    return () => {
      active = false;
    };
  }, [client, workspace, targets, postId, plannedAt, enabled]);

  return results;
}
