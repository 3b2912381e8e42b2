import {
  CollectEntriesResultSchema,
  ContestDrawSchema,
  ContestListSchema,
  ContestSchema,
  EntrantListSchema,
  EntrantSchema,
  EntryCsvReportSchema,
  EntryListSchema,
  GeneratedRulesSchema,
  PublicRulesSchema,
  RulesVersionListSchema,
  RulesVersionSchema,
  VerificationSchema,
  WinnerNotificationListSchema,
  WinnerNotificationSchema,
  type Contest,
  type CreateContestRequest,
  type DrawRequest,
  type Locale,
  type RedrawRequest,
  type SaveRulesRequest,
  type UpdateContestRequest,
} from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api/api-client';

const ws = (workspace: string) => `/v1/workspaces/${encodeURIComponent(workspace)}`;
const one = (workspace: string, id: string) =>
  `${ws(workspace)}/contests/${encodeURIComponent(id)}`;
const pub = (token: string) => `/v1/public/contests/${encodeURIComponent(token)}`;

export const contestsApi = {
  list: (workspace: string, campaign?: string) =>
    apiRequest(`${ws(workspace)}/contests`, { query: { campaign }, schema: ContestListSchema }),
  get: (workspace: string, id: string) => apiRequest(one(workspace, id), { schema: ContestSchema }),
  create: (workspace: string, body: CreateContestRequest) =>
    apiRequest(`${ws(workspace)}/contests`, { method: 'POST', body, schema: ContestSchema }),
  update: (
    workspace: string,
    id: string,
    version: number,
    body: Omit<UpdateContestRequest, 'version'>,
  ) =>
    apiRequest(one(workspace, id), {
      method: 'PATCH',
      body,
      ifMatch: version,
      schema: ContestSchema,
    }),

  generatedRules: (workspace: string, id: string) =>
    apiRequest(`${one(workspace, id)}/rules/generated`, { schema: GeneratedRulesSchema }),
  rules: (workspace: string, id: string) =>
    apiRequest(`${one(workspace, id)}/rules`, { schema: RulesVersionListSchema }),
  saveRules: (workspace: string, id: string, body: SaveRulesRequest) =>
    apiRequest(`${one(workspace, id)}/rules`, { method: 'POST', body, schema: RulesVersionSchema }),

  entries: (workspace: string, id: string) =>
    apiRequest(`${one(workspace, id)}/entries`, { schema: EntryListSchema }),
  entrants: (workspace: string, id: string) =>
    apiRequest(`${one(workspace, id)}/entrants`, { schema: EntrantListSchema }),
  collect: (workspace: string, id: string) =>
    apiRequest(`${one(workspace, id)}/entries/collect`, {
      method: 'POST',
      body: {},
      schema: CollectEntriesResultSchema,
    }),
  /** The file's bytes as they are: the server recognises UTF-8, Excel's Windows-1252 and UTF-16. */
  importCsv: (workspace: string, id: string, file: Blob, dryRun: boolean) =>
    apiRequest(`${one(workspace, id)}/entries/csv`, {
      method: 'POST',
      query: { dryRun: dryRun ? 'true' : 'false' },
      raw: { contentType: 'text/csv', data: file },
      schema: EntryCsvReportSchema,
    }),
  exclude: (workspace: string, id: string, entrantId: string, reason: string) =>
    apiRequest(`${one(workspace, id)}/entrants/${encodeURIComponent(entrantId)}/exclude`, {
      method: 'POST',
      body: { reason },
      schema: EntrantSchema,
    }),
  include: (workspace: string, id: string, entrantId: string) =>
    apiRequest(`${one(workspace, id)}/entrants/${encodeURIComponent(entrantId)}/include`, {
      method: 'POST',
      body: {},
      schema: EntrantSchema,
    }),

  draw: (workspace: string, id: string) =>
    apiRequest(`${one(workspace, id)}/draw`, { schema: ContestDrawSchema }),
  commit: (workspace: string, id: string, version: number) =>
    apiRequest(`${one(workspace, id)}/commit`, {
      method: 'POST',
      body: { version },
      schema: ContestDrawSchema,
    }),
  runDraw: (workspace: string, id: string, body: DrawRequest) =>
    apiRequest(`${one(workspace, id)}/draw`, { method: 'POST', body, schema: ContestDrawSchema }),
  redraw: (workspace: string, id: string, body: RedrawRequest) =>
    apiRequest(`${one(workspace, id)}/redraw`, { method: 'POST', body, schema: ContestDrawSchema }),

  notifications: (workspace: string, id: string) =>
    apiRequest(`${one(workspace, id)}/notifications`, { schema: WinnerNotificationListSchema }),
  draftNotification: (
    workspace: string,
    id: string,
    body: { entrantId: string; kind: 'reply' | 'direct_message'; language?: Locale },
  ) =>
    apiRequest(`${one(workspace, id)}/notifications`, {
      method: 'POST',
      body,
      schema: WinnerNotificationSchema,
    }),

  publicRules: (token: string, language: Locale, version?: number) =>
    apiRequest(`${pub(token)}/rules`, {
      query: { lang: language, version },
      schema: PublicRulesSchema,
    }),
  verification: (token: string) =>
    apiRequest(`${pub(token)}/verification`, { schema: VerificationSchema }),
};

/** Where a contest's files are: plain links (the browser downloads them with the session). */
export const contestFiles = {
  certificateHtml: (workspace: string, id: string) => `/api${one(workspace, id)}/certificate.html`,
  certificatePdf: (workspace: string, id: string) => `/api${one(workspace, id)}/certificate.pdf`,
  publicCertificatePdf: (token: string) => `/api${pub(token)}/certificate.pdf`,
  publicCertificateHtml: (token: string) => `/api${pub(token)}/certificate.html`,
};

export const contestKeys = {
  all: (workspace: string) => ['workspaces', workspace, 'contests'] as const,
  list: (workspace: string, campaign?: string) =>
    ['workspaces', workspace, 'contests', 'list', campaign ?? null] as const,
  one: (workspace: string, id: string) => ['workspaces', workspace, 'contests', 'one', id] as const,
  part: (workspace: string, id: string, part: string) =>
    ['workspaces', workspace, 'contests', 'one', id, part] as const,
  /** The public pages: kept apart from everything of a signed-in member. */
  publicRules: (token: string, language: Locale, version?: number) =>
    ['public-contest', token, 'rules', language, version ?? null] as const,
  verification: (token: string) => ['public-contest', token, 'verification'] as const,
};

export function useContests(workspace: string, campaign?: string) {
  return useQuery({
    queryKey: contestKeys.list(workspace, campaign),
    queryFn: () => contestsApi.list(workspace, campaign),
  });
}

export function useContest(workspace: string, id: string) {
  return useQuery({
    queryKey: contestKeys.one(workspace, id),
    queryFn: () => contestsApi.get(workspace, id),
  });
}

/** After any change the server answers with: the contest, its parts and the list refetch. */
function useRefresh(workspace: string, id: string) {
  const client = useQueryClient();
  return (contest?: Contest) => {
    if (contest) client.setQueryData(contestKeys.one(workspace, id), contest);
    return client.invalidateQueries({ queryKey: contestKeys.all(workspace) });
  };
}

export function useCreateContest(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContestRequest) => contestsApi.create(workspace, body),
    onSuccess: async (contest) => {
      client.setQueryData(contestKeys.one(workspace, contest.id), contest);
      await client.invalidateQueries({ queryKey: contestKeys.all(workspace) });
    },
  });
}

export function useUpdateContest(workspace: string, id: string) {
  const refresh = useRefresh(workspace, id);
  return useMutation({
    mutationFn: ({
      version,
      body,
    }: {
      version: number;
      body: Omit<UpdateContestRequest, 'version'>;
    }) => contestsApi.update(workspace, id, version, body),
    onSuccess: (contest) => refresh(contest),
  });
}

export function useRules(workspace: string, id: string) {
  return useQuery({
    queryKey: contestKeys.part(workspace, id, 'rules'),
    queryFn: () => contestsApi.rules(workspace, id),
  });
}

export function useGeneratedRules(workspace: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: contestKeys.part(workspace, id, 'rules-generated'),
    queryFn: () => contestsApi.generatedRules(workspace, id),
    enabled,
  });
}

export function useSaveRules(workspace: string, id: string) {
  const refresh = useRefresh(workspace, id);
  return useMutation({
    mutationFn: (body: SaveRulesRequest) => contestsApi.saveRules(workspace, id, body),
    onSuccess: () => refresh(),
  });
}

export function useEntries(workspace: string, id: string) {
  return useQuery({
    queryKey: contestKeys.part(workspace, id, 'entries'),
    queryFn: () => contestsApi.entries(workspace, id),
  });
}

export function useEntrants(workspace: string, id: string) {
  return useQuery({
    queryKey: contestKeys.part(workspace, id, 'entrants'),
    queryFn: () => contestsApi.entrants(workspace, id),
  });
}

export function useCollectEntries(workspace: string, id: string) {
  const refresh = useRefresh(workspace, id);
  return useMutation({
    mutationFn: () => contestsApi.collect(workspace, id),
    onSuccess: () => refresh(),
  });
}

export function useCsvImport(workspace: string, id: string) {
  const refresh = useRefresh(workspace, id);
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
      contestsApi.importCsv(workspace, id, file, dryRun),
    onSuccess: (report) => (report.dryRun ? undefined : refresh()),
  });
}

export function useExclusion(workspace: string, id: string) {
  const refresh = useRefresh(workspace, id);
  return useMutation({
    mutationFn: (input: { entrantId: string; reason: string | null }) =>
      input.reason === null
        ? contestsApi.include(workspace, id, input.entrantId)
        : contestsApi.exclude(workspace, id, input.entrantId, input.reason),
    onSuccess: () => refresh(),
  });
}

export function useDraw(workspace: string, id: string) {
  return useQuery({
    queryKey: contestKeys.part(workspace, id, 'draw'),
    queryFn: () => contestsApi.draw(workspace, id),
  });
}

export function useDrawActions(workspace: string, id: string) {
  const client = useQueryClient();
  const refresh = useRefresh(workspace, id);
  const settle = async (draw: Awaited<ReturnType<typeof contestsApi.draw>>) => {
    client.setQueryData(contestKeys.part(workspace, id, 'draw'), draw);
    await refresh();
  };
  // Whatever the server refused (say, someone else drew meanwhile), show the draw as it is now.
  const reload = () => refresh();
  return {
    commit: useMutation({
      mutationFn: (version: number) => contestsApi.commit(workspace, id, version),
      onSuccess: settle,
      onError: reload,
    }),
    draw: useMutation({
      mutationFn: (body: DrawRequest) => contestsApi.runDraw(workspace, id, body),
      onSuccess: settle,
      onError: reload,
    }),
    redraw: useMutation({
      mutationFn: (body: RedrawRequest) => contestsApi.redraw(workspace, id, body),
      onSuccess: settle,
      onError: reload,
    }),
  };
}

export function useNotifications(workspace: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: contestKeys.part(workspace, id, 'notifications'),
    queryFn: () => contestsApi.notifications(workspace, id),
    enabled,
  });
}

export function useDraftNotification(workspace: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      entrantId: string;
      kind: 'reply' | 'direct_message';
      language?: Locale;
    }) => contestsApi.draftNotification(workspace, id, body),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: contestKeys.part(workspace, id, 'notifications') }),
  });
}

export function usePublicRules(token: string, language: Locale, version?: number) {
  return useQuery({
    queryKey: contestKeys.publicRules(token, language, version),
    queryFn: () => contestsApi.publicRules(token, language, version),
    refetchOnWindowFocus: false,
  });
}

export function useVerification(token: string) {
  return useQuery({
    queryKey: contestKeys.verification(token),
    queryFn: () => contestsApi.verification(token),
    refetchOnWindowFocus: false,
  });
}
