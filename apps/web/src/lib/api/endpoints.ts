import {
  ChannelListSchema,
  MeResponseSchema,
  MemberListSchema,
  PostListSchema,
  PostSchema,
  SetupStatusSchema,
  type CreatePostRequest,
  type LoginRequest,
  type MeResponse,
  type SetupRequest,
  type UpdateMeRequest,
  type UpdatePostRequest,
} from '@postplan/contracts';
import { apiRequest, type QueryValue } from './api-client';
import { isApiError } from './api-error';

const ws = (workspace: string) => `/v1/workspaces/${encodeURIComponent(workspace)}`;

export const api = {
  setupStatus: () => apiRequest('/v1/setup', { schema: SetupStatusSchema }),
  setup: (body: SetupRequest) =>
    apiRequest('/v1/setup', { method: 'POST', body, schema: MeResponseSchema }),
  login: (body: LoginRequest) =>
    apiRequest('/v1/auth/login', { method: 'POST', body, schema: MeResponseSchema }),
  logout: () => apiRequest('/v1/auth/logout', { method: 'POST' }),
  /** The signed-in user, or null when nobody is signed in. */
  me: async (): Promise<MeResponse | null> => {
    try {
      return await apiRequest('/v1/me', { schema: MeResponseSchema });
    } catch (error) {
      if (isApiError(error, 'UNAUTHENTICATED')) return null;
      throw error;
    }
  },
  updateMe: (body: UpdateMeRequest) => apiRequest('/v1/me', { method: 'PATCH', body }),

  channels: (workspace: string) =>
    apiRequest(`${ws(workspace)}/channels`, { schema: ChannelListSchema }),
  members: (workspace: string) =>
    apiRequest(`${ws(workspace)}/members`, { schema: MemberListSchema }),

  posts: (workspace: string, query: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest(`${ws(workspace)}/posts`, { query, signal, schema: PostListSchema }),
  post: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/posts/${id}`, { schema: PostSchema }),
  createPost: (workspace: string, body: CreatePostRequest) =>
    apiRequest(`${ws(workspace)}/posts`, { method: 'POST', body, schema: PostSchema }),
  updatePost: (
    workspace: string,
    id: string,
    version: number,
    body: Omit<UpdatePostRequest, 'version'>,
  ) =>
    apiRequest(`${ws(workspace)}/posts/${id}`, {
      method: 'PATCH',
      body,
      ifMatch: version,
      schema: PostSchema,
    }),
  deletePost: (workspace: string, id: string, version: number) =>
    apiRequest(`${ws(workspace)}/posts/${id}`, { method: 'DELETE', ifMatch: version }),
  restorePost: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/posts/${id}/restore`, { method: 'POST', schema: PostSchema }),
};

/** Query keys in one place, so a mutation in one feature can refresh what another shows. */
export const queryKeys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  workspace: (workspace: string) => ['workspaces', workspace] as const,
  channels: (workspace: string) => ['workspaces', workspace, 'channels'] as const,
  members: (workspace: string) => ['workspaces', workspace, 'members'] as const,
  posts: (workspace: string) => ['workspaces', workspace, 'posts'] as const,
  postList: (workspace: string, query: Record<string, QueryValue>) =>
    ['workspaces', workspace, 'posts', 'list', query] as const,
  post: (workspace: string, id: string) => ['workspaces', workspace, 'posts', 'one', id] as const,
};
