import {
  AccountChoicesResponseSchema,
  ChannelSchema,
  OAuthStartResponseSchema,
  type OAuthStartRequest,
  type ConnectChannelRequest,
  type CreateChannelRequest,
  type UpdateChannelRequest,
} from '@postplan/contracts';
import {
  AcceptSuggestionResponseSchema,
  ChannelListSchema,
  CommentThreadListSchema,
  CommentThreadSchema,
  MeResponseSchema,
  MemberListSchema,
  MemberSchema,
  CreatedTokenSchema,
  InvitationCreatedSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  PasswordResetAcceptedSchema,
  PendingInvitationListSchema,
  TokenListSchema,
  type ChangePasswordRequest,
  type CreateTokenRequest,
  type PasswordResetConfirm,
  type RegisterFromInvitation,
  PostListSchema,
  PostSchema,
  CampaignDetailSchema,
  CampaignListSchema,
  type CreateCampaignRequest,
  type UpdateCampaignRequest,
  SetupStatusSchema,
  type AddMemberRequest,
  type CreateCommentRequest,
  type CreatePostRequest,
  type LoginRequest,
  type MeResponse,
  type SetupRequest,
  type Role,
  type UpdateCommentRequest,
  type UpdateMeRequest,
  type UpdatePostRequest,
} from '@postplan/contracts';
import {
  BrandRuleListSchema,
  BrandRulesCsvImportResponseSchema,
  WordingCheckResponseSchema,
  WordingSettingsResponseSchema,
  type ReplaceBrandRulesRequest,
  type WordingCheckRequest,
  type WordingSettings,
} from '@postplan/contracts';
import {
  CalendarFeedSchema,
  ImportJobSchema,
  ImportResultSchema,
  ShareLinkListSchema,
  ShareLinkSchema,
  SharedPlanInfoSchema,
  SharedPostListSchema,
  type CreateShareLinkRequest,
  type ImportMapping,
} from '@postplan/contracts';
import {
  CreatedReviewLinkSchema,
  ReviewLinkInfoSchema,
  ReviewLinkListSchema,
  ReviewPostListSchema,
  ReviewPostSchema,
  UnlockReviewLinkResponseSchema,
  type CreateReviewLinkRequest,
  type UnlockReviewLinkRequest,
  type VisitorApproveRequest,
  type VisitorCommentRequest,
  type VisitorRequestChangesRequest,
} from '@postplan/contracts';
import {
  ApprovalPolicyResponseSchema,
  AuditPageSchema,
  BulkApproveResultSchema,
  DiffResponseSchema,
  PostDetailSchema,
  ReviewQueueSchema,
  RevisionListSchema,
  type ApprovalPolicyInput,
  type TransitionRequest,
} from '@postplan/contracts';
import {
  DecideDuePostsResponseSchema,
  DuePostListSchema,
  MarkNotificationsReadResponseSchema,
  NotificationListSchema,
  NotificationSettingsSchema,
  PauseHistorySchema,
  PauseStateSchema,
  ResumeResponseSchema,
  type DecideDuePostsRequest,
  type UpdateNotificationSettingsRequest,
} from '@postplan/contracts';
import {
  MediaCheckResponseSchema,
  MediaItemSchema,
  MediaListSchema,
  MediaSettingsSchema,
  MEDIA_UPLOAD_FIELD,
  type MediaCheckRequest,
  type MediaKind,
  type UpdateMediaRequest,
} from '@postplan/contracts';
import { apiRequest, postForm, type QueryValue, uploadFile } from './api-client';
import { isApiError } from './api-error';

const ws = (workspace: string) => `/v1/workspaces/${encodeURIComponent(workspace)}`;
const review = (token: string) => `/v1/review/${encodeURIComponent(token)}`;

export type ReviewTransitionPath =
  'promote' | 'submit' | 'approve' | 'request-changes' | 'withdraw' | 'reopen';
export type DiffQuery =
  | { from: number; to?: number }
  | { since: 'last_approval' | 'last_round' | 'my_last_review'; to?: number };

export const api = {
  // The media library (docs/media.md)
  mediaList: (
    workspace: string,
    query: { q?: string; kind?: MediaKind; cursor?: string; limit?: number },
  ) =>
    apiRequest(`${ws(workspace)}/media`, {
      query: { q: query.q, kind: query.kind, cursor: query.cursor, limit: query.limit },
      schema: MediaListSchema,
    }),
  uploadMedia: (workspace: string, file: File, altText?: string) => {
    const form = new FormData();
    if (altText) form.append('altText', altText);
    form.append(MEDIA_UPLOAD_FIELD, file, file.name);
    return postForm(`${ws(workspace)}/media`, form, MediaItemSchema);
  },
  updateMedia: (workspace: string, id: string, body: UpdateMediaRequest) =>
    apiRequest(`${ws(workspace)}/media/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body,
      schema: MediaItemSchema,
    }),
  deleteMedia: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/media/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** What submit would refuse about media not yet saved, per channel (read-only). */
  checkMedia: (workspace: string, body: MediaCheckRequest, signal?: AbortSignal) =>
    apiRequest(`${ws(workspace)}/media/check`, {
      method: 'POST',
      body,
      signal,
      schema: MediaCheckResponseSchema,
    }),
  mediaSettings: (workspace: string) =>
    apiRequest(`${ws(workspace)}/media-settings`, { schema: MediaSettingsSchema }),
  updateMediaSettings: (workspace: string, altTextRequired: boolean) =>
    apiRequest(`${ws(workspace)}/media-settings`, {
      method: 'PUT',
      body: { altTextRequired },
      schema: MediaSettingsSchema,
    }),

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
  createChannel: (workspace: string, body: CreateChannelRequest) =>
    apiRequest(`${ws(workspace)}/channels`, { method: 'POST', body, schema: ChannelSchema }),
  updateChannel: (workspace: string, id: string, body: UpdateChannelRequest) =>
    apiRequest(`${ws(workspace)}/channels/${id}`, { method: 'PATCH', body, schema: ChannelSchema }),
  removeChannel: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/channels/${id}`, { method: 'DELETE' }),
  connectChannel: (workspace: string, id: string, body: ConnectChannelRequest) =>
    apiRequest(`${ws(workspace)}/channels/${id}/connect`, {
      method: 'POST',
      body,
      schema: ChannelSchema,
    }),
  disconnectChannel: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/channels/${id}/connection`, {
      method: 'DELETE',
      schema: ChannelSchema,
    }),
  startChannelOAuth: (workspace: string, id: string, body: OAuthStartRequest = {}) =>
    apiRequest(`${ws(workspace)}/channels/${id}/oauth/start`, {
      method: 'POST',
      body,
      schema: OAuthStartResponseSchema,
    }),
  /** The pages or accounts a sign-in left to pick from (for the person who signed in). */
  accountChoices: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/channels/${id}/oauth/choices`, {
      schema: AccountChoicesResponseSchema,
    }),
  pickAccount: (workspace: string, id: string, accountId: string) =>
    apiRequest(`${ws(workspace)}/channels/${id}/oauth/choices`, {
      method: 'POST',
      body: { accountId },
      schema: ChannelSchema,
    }),
  cancelAccountChoice: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/channels/${id}/oauth/choices`, { method: 'DELETE' }),
  members: (workspace: string) =>
    apiRequest(`${ws(workspace)}/members`, { schema: MemberListSchema }),
  /** Invites an address; the answer is the same whether or not it has an account. */
  invite: (workspace: string, body: AddMemberRequest) =>
    apiRequest(`${ws(workspace)}/members`, {
      method: 'POST',
      body,
      schema: InvitationCreatedSchema,
    }),
  invitations: (workspace: string) =>
    apiRequest(`${ws(workspace)}/invitations`, { schema: InvitationListSchema }),
  revokeInvitation: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/invitations/${id}`, { method: 'DELETE' }),

  invitationPreview: (token: string) =>
    apiRequest(`/v1/invitations/${encodeURIComponent(token)}`, {
      schema: InvitationPreviewSchema,
    }),
  registerFromInvitation: (token: string, body: RegisterFromInvitation) =>
    apiRequest(`/v1/invitations/${encodeURIComponent(token)}/register`, {
      method: 'POST',
      body,
      schema: MeResponseSchema,
    }),
  acceptInvitationLink: (token: string) =>
    apiRequest(`/v1/invitations/${encodeURIComponent(token)}/accept`, {
      method: 'POST',
      schema: MeResponseSchema,
    }),
  myInvitations: () => apiRequest('/v1/me/invitations', { schema: PendingInvitationListSchema }),
  acceptInvitation: (id: string) =>
    apiRequest(`/v1/me/invitations/${id}/accept`, { method: 'POST', schema: MeResponseSchema }),
  declineInvitation: (id: string) =>
    apiRequest(`/v1/me/invitations/${id}/decline`, { method: 'POST' }),

  changePassword: (body: ChangePasswordRequest) =>
    apiRequest('/v1/me/password', { method: 'POST', body }),
  logoutEverywhere: () => apiRequest('/v1/auth/logout-everywhere', { method: 'POST' }),
  requestPasswordReset: (email: string) =>
    apiRequest('/v1/auth/password-reset', {
      method: 'POST',
      body: { email },
      schema: PasswordResetAcceptedSchema,
    }),
  confirmPasswordReset: (body: PasswordResetConfirm) =>
    apiRequest('/v1/auth/password-reset/confirm', { method: 'POST', body }),
  tokens: () => apiRequest('/v1/me/tokens', { schema: TokenListSchema }),
  createToken: (body: CreateTokenRequest) =>
    apiRequest('/v1/me/tokens', { method: 'POST', body, schema: CreatedTokenSchema }),
  revokeToken: (id: string) => apiRequest(`/v1/me/tokens/${id}`, { method: 'DELETE' }),
  changeMemberRole: (workspace: string, userId: string, role: Role) =>
    apiRequest(`${ws(workspace)}/members/${userId}`, {
      method: 'PATCH',
      body: { role },
      schema: MemberSchema,
    }),
  removeMember: (workspace: string, userId: string) =>
    apiRequest(`${ws(workspace)}/members/${userId}`, { method: 'DELETE' }),

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
  campaigns: (workspace: string) =>
    apiRequest(`${ws(workspace)}/campaigns`, { schema: CampaignListSchema }),
  campaign: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/campaigns/${id}`, { schema: CampaignDetailSchema }),
  createCampaign: (workspace: string, body: CreateCampaignRequest) =>
    apiRequest(`${ws(workspace)}/campaigns`, {
      method: 'POST',
      body,
      schema: CampaignDetailSchema,
    }),
  updateCampaign: (
    workspace: string,
    id: string,
    version: number,
    body: Omit<UpdateCampaignRequest, 'version'>,
  ) =>
    apiRequest(`${ws(workspace)}/campaigns/${id}`, {
      method: 'PATCH',
      body,
      ifMatch: version,
      schema: CampaignDetailSchema,
    }),
  deleteCampaign: (workspace: string, id: string, version: number) =>
    apiRequest(`${ws(workspace)}/campaigns/${id}`, { method: 'DELETE', ifMatch: version }),
  restorePost: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/posts/${id}/restore`, { method: 'POST', schema: PostSchema }),

  // Comments on the wording
  comments: (workspace: string, postId: string) =>
    apiRequest(`${ws(workspace)}/posts/${postId}/comments`, { schema: CommentThreadListSchema }),
  createComment: (workspace: string, postId: string, body: CreateCommentRequest) =>
    apiRequest(`${ws(workspace)}/posts/${postId}/comments`, {
      method: 'POST',
      body,
      schema: CommentThreadSchema,
    }),
  updateComment: (workspace: string, postId: string, id: string, body: UpdateCommentRequest) =>
    apiRequest(`${ws(workspace)}/posts/${postId}/comments/${id}`, {
      method: 'PATCH',
      body,
      schema: CommentThreadSchema,
    }),
  deleteComment: (workspace: string, postId: string, id: string) =>
    apiRequest(`${ws(workspace)}/posts/${postId}/comments/${id}`, { method: 'DELETE' }),
  commentAction: (
    workspace: string,
    postId: string,
    id: string,
    action: 'resolve' | 'reopen' | 'dismiss-suggestion',
  ) =>
    apiRequest(`${ws(workspace)}/posts/${postId}/comments/${id}/${action}`, {
      method: 'POST',
      schema: CommentThreadSchema,
    }),
  acceptSuggestion: (workspace: string, postId: string, id: string, version: number) =>
    apiRequest(`${ws(workspace)}/posts/${postId}/comments/${id}/accept-suggestion`, {
      method: 'POST',
      body: { version },
      schema: AcceptSuggestionResponseSchema,
    }),

  // Wording review
  submitPost: (workspace: string, id: string, version: number, requestReview = false) =>
    apiRequest(`${ws(workspace)}/posts/${id}/submit`, {
      method: 'POST',
      body: requestReview ? { version, requestReview } : { version },
      schema: PostSchema,
    }),
  checkWording: (workspace: string, body: WordingCheckRequest, signal?: AbortSignal) =>
    apiRequest(`${ws(workspace)}/wording/check`, {
      method: 'POST',
      body,
      signal,
      schema: WordingCheckResponseSchema,
    }),
  wordingSettings: (workspace: string) =>
    apiRequest(`${ws(workspace)}/wording/settings`, { schema: WordingSettingsResponseSchema }),
  updateWordingSettings: (workspace: string, settings: WordingSettings, version: number) =>
    apiRequest(`${ws(workspace)}/wording/settings`, {
      method: 'PUT',
      body: settings,
      ifMatch: version,
      schema: WordingSettingsResponseSchema,
    }),
  brandRules: (workspace: string) =>
    apiRequest(`${ws(workspace)}/wording/brand-rules`, { schema: BrandRuleListSchema }),
  replaceBrandRules: (workspace: string, body: ReplaceBrandRulesRequest) =>
    apiRequest(`${ws(workspace)}/wording/brand-rules`, {
      method: 'PUT',
      body,
      schema: BrandRuleListSchema,
    }),
  /** A plain link: the browser downloads the file with the session cookie. */
  brandRulesCsvUrl: (workspace: string) => `/api${ws(workspace)}/wording/brand-rules.csv`,
  /**
   * Sends the file's bytes as text/csv rather than text read in the browser: the server tells
   * UTF-8 from the Windows-1252 that Excel writes on German Windows, which the browser cannot.
   */
  importBrandRulesCsv: (workspace: string, file: Blob, mode: 'replace' | 'merge') =>
    apiRequest(`${ws(workspace)}/wording/brand-rules.csv`, {
      method: 'POST',
      query: { mode },
      raw: { contentType: 'text/csv', data: file },
      schema: BrandRulesCsvImportResponseSchema,
    }),

  // Review and approval
  /** One post with its review state (status reason, round, what the caller may do). */
  postDetail: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/posts/${id}`, { schema: PostDetailSchema }),
  reviewTransition: (
    workspace: string,
    id: string,
    action: ReviewTransitionPath,
    body: TransitionRequest,
  ) =>
    apiRequest(`${ws(workspace)}/posts/${id}/${action}`, {
      method: 'POST',
      body,
      schema: PostDetailSchema,
    }),
  revisions: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/posts/${id}/revisions`, { schema: RevisionListSchema }),
  postDiff: (workspace: string, id: string, query: DiffQuery) =>
    apiRequest(`${ws(workspace)}/posts/${id}/diff`, { query, schema: DiffResponseSchema }),
  postHistory: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/posts/${id}/history`, {
      schema: AuditPageSchema.pick({ items: true }),
    }),
  reviewQueue: (workspace: string) =>
    apiRequest(`${ws(workspace)}/review-queue`, { schema: ReviewQueueSchema }),
  bulkApprove: (
    workspace: string,
    posts: { id: string; version: number; contentHash: string }[],
    note?: string,
  ) =>
    apiRequest(`${ws(workspace)}/review-queue/approve`, {
      method: 'POST',
      body: note ? { posts, note } : { posts },
      schema: BulkApproveResultSchema,
    }),
  approvalPolicy: (workspace: string) =>
    apiRequest(`${ws(workspace)}/approval-policy`, { schema: ApprovalPolicyResponseSchema }),
  updateApprovalPolicy: (workspace: string, policy: ApprovalPolicyInput, version: number) =>
    apiRequest(`${ws(workspace)}/approval-policy`, {
      method: 'PUT',
      body: { policy },
      ifMatch: version,
      schema: ApprovalPolicyResponseSchema,
    }),
  /** The workspace's audit log, newest first; `before` is the cursor of the previous page. */
  audit: (workspace: string, query: Record<string, QueryValue>) =>
    apiRequest(`${ws(workspace)}/audit`, { query, schema: AuditPageSchema }),

  // Review links: managed by owners and admins
  reviewLinks: (workspace: string) =>
    apiRequest(`${ws(workspace)}/review-links`, { schema: ReviewLinkListSchema }),
  createReviewLink: (workspace: string, body: CreateReviewLinkRequest) =>
    apiRequest(`${ws(workspace)}/review-links`, {
      method: 'POST',
      body,
      schema: CreatedReviewLinkSchema,
    }),
  revokeReviewLink: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/review-links/${id}`, { method: 'DELETE' }),

  // Review links: the visitor's page, without an account
  reviewVisit: (token: string) => apiRequest(review(token), { schema: ReviewLinkInfoSchema }),
  reviewUnlock: (token: string, body: UnlockReviewLinkRequest) =>
    apiRequest(`${review(token)}/unlock`, {
      method: 'POST',
      body,
      schema: UnlockReviewLinkResponseSchema,
    }),
  reviewPosts: (token: string) =>
    apiRequest(`${review(token)}/posts`, { schema: ReviewPostListSchema }),
  reviewApprove: (token: string, postId: string, body: VisitorApproveRequest) =>
    apiRequest(`${review(token)}/posts/${postId}/approve`, {
      method: 'POST',
      body,
      schema: ReviewPostSchema,
    }),
  reviewRequestChanges: (token: string, postId: string, body: VisitorRequestChangesRequest) =>
    apiRequest(`${review(token)}/posts/${postId}/request-changes`, {
      method: 'POST',
      body,
      schema: ReviewPostSchema,
    }),
  reviewComments: (token: string, postId: string) =>
    apiRequest(`${review(token)}/posts/${postId}/comments`, { schema: CommentThreadListSchema }),
  reviewComment: (token: string, postId: string, body: VisitorCommentRequest) =>
    apiRequest(`${review(token)}/posts/${postId}/comments`, {
      method: 'POST',
      body,
      schema: CommentThreadSchema,
    }),

  notifications: (query: Record<string, QueryValue>) =>
    apiRequest('/v1/me/notifications', { query, schema: NotificationListSchema }),
  markNotificationsRead: (ids: string[]) =>
    apiRequest('/v1/me/notifications/read', {
      method: 'POST',
      body: { ids },
      schema: MarkNotificationsReadResponseSchema,
    }),
  markAllNotificationsRead: () =>
    apiRequest('/v1/me/notifications/read-all', {
      method: 'POST',
      schema: MarkNotificationsReadResponseSchema,
    }),
  notificationSettings: () =>
    apiRequest('/v1/me/notification-settings', { schema: NotificationSettingsSchema }),
  updateNotificationSettings: (body: UpdateNotificationSettingsRequest) =>
    apiRequest('/v1/me/notification-settings', {
      method: 'PUT',
      body,
      schema: NotificationSettingsSchema,
    }),

  pauseState: (workspace: string) =>
    apiRequest(`${ws(workspace)}/pause`, { schema: PauseStateSchema }),
  pause: (workspace: string, channelId: string | null, reason: string) =>
    apiRequest(
      channelId ? `${ws(workspace)}/channels/${channelId}/pause` : `${ws(workspace)}/pause`,
      { method: 'POST', body: { reason }, schema: PauseStateSchema },
    ),
  resume: (workspace: string, channelId: string | null) =>
    apiRequest(
      channelId ? `${ws(workspace)}/channels/${channelId}/resume` : `${ws(workspace)}/resume`,
      { method: 'POST', schema: ResumeResponseSchema },
    ),
  pauseHistory: (workspace: string, query: Record<string, QueryValue>) =>
    apiRequest(`${ws(workspace)}/pause/history`, { query, schema: PauseHistorySchema }),
  duePosts: (workspace: string) =>
    apiRequest(`${ws(workspace)}/pause/due-posts`, { schema: DuePostListSchema }),
  // Export, import and sharing the plan
  calendarFeed: (workspace: string) =>
    apiRequest(`${ws(workspace)}/calendar-feed`, { schema: CalendarFeedSchema }),
  rotateCalendarFeed: (workspace: string) =>
    apiRequest(`${ws(workspace)}/calendar-feed`, { method: 'POST', schema: CalendarFeedSchema }),
  uploadImport: (workspace: string, file: File) => uploadFile(`${ws(workspace)}/imports`, file),
  importJob: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/imports/${id}`, { schema: ImportJobSchema }),
  importDryRun: (workspace: string, id: string, body: ImportMapping) =>
    apiRequest(`${ws(workspace)}/imports/${id}/dry-run`, {
      method: 'POST',
      body,
      schema: ImportResultSchema,
    }),
  importRun: (workspace: string, id: string, body: ImportMapping) =>
    apiRequest(`${ws(workspace)}/imports/${id}/run`, {
      method: 'POST',
      body,
      schema: ImportResultSchema,
    }),
  shareLinks: (workspace: string) =>
    apiRequest(`${ws(workspace)}/share-links`, { schema: ShareLinkListSchema }),
  createShareLink: (workspace: string, body: CreateShareLinkRequest) =>
    apiRequest(`${ws(workspace)}/share-links`, { method: 'POST', body, schema: ShareLinkSchema }),
  revokeShareLink: (workspace: string, id: string) =>
    apiRequest(`${ws(workspace)}/share-links/${id}`, { method: 'DELETE' }),
  sharedPlan: (token: string) =>
    apiRequest(`/v1/shared/${encodeURIComponent(token)}`, { schema: SharedPlanInfoSchema }),
  sharedUnlock: (token: string, password: string) =>
    apiRequest(`/v1/shared/${encodeURIComponent(token)}/unlock`, {
      method: 'POST',
      body: { password },
    }),
  sharedPosts: (token: string, query: { from?: string; to?: string }) =>
    apiRequest(`/v1/shared/${encodeURIComponent(token)}/posts`, {
      query,
      schema: SharedPostListSchema,
    }),

  decideDuePosts: (workspace: string, body: DecideDuePostsRequest) =>
    apiRequest(`${ws(workspace)}/pause/due-posts/decide`, {
      method: 'POST',
      body,
      schema: DecideDuePostsResponseSchema,
    }),
};

/** Query keys in one place, so a mutation in one feature can refresh what another shows. */
export const queryKeys = {
  setup: ['setup'] as const,
  media: (workspace: string) => ['workspaces', workspace, 'media'] as const,
  mediaList: (workspace: string, q: string) =>
    ['workspaces', workspace, 'media', 'list', q] as const,
  mediaSettings: (workspace: string) => ['workspaces', workspace, 'media', 'settings'] as const,
  mediaCheck: (workspace: string, body: MediaCheckRequest) =>
    ['workspaces', workspace, 'media', 'check', body] as const,
  me: ['me'] as const,
  workspace: (workspace: string) => ['workspaces', workspace] as const,
  channels: (workspace: string) => ['workspaces', workspace, 'channels'] as const,
  /** Apart from the channels: their refetch after a pick must not ask for the spent choice. */
  accountChoices: (workspace: string, channelId: string) =>
    ['workspaces', workspace, 'oauth-choices', channelId] as const,
  campaigns: (workspace: string) => ['workspaces', workspace, 'campaigns'] as const,
  campaign: (workspace: string, id: string) => ['workspaces', workspace, 'campaigns', id] as const,
  members: (workspace: string) => ['workspaces', workspace, 'members'] as const,
  invitations: (workspace: string) => ['workspaces', workspace, 'invitations'] as const,
  myInvitations: ['me', 'invitations'] as const,
  tokens: ['me', 'tokens'] as const,
  posts: (workspace: string) => ['workspaces', workspace, 'posts'] as const,
  postList: (workspace: string, query: Record<string, QueryValue>) =>
    ['workspaces', workspace, 'posts', 'list', query] as const,
  post: (workspace: string, id: string) => ['workspaces', workspace, 'posts', 'one', id] as const,
  comments: (workspace: string, postId: string) =>
    ['workspaces', workspace, 'comments', postId] as const,
  wordingSettings: (workspace: string) => ['workspaces', workspace, 'wording', 'settings'] as const,
  brandRules: (workspace: string) => ['workspaces', workspace, 'wording', 'brand-rules'] as const,
  wordingCheck: (workspace: string, body: WordingCheckRequest) =>
    ['workspaces', workspace, 'wording', 'check', body] as const,
  reviewLinks: (workspace: string) => ['workspaces', workspace, 'review-links'] as const,
  /** The visitor's page: kept apart from everything of a signed-in member. */
  reviewVisit: (token: string) => ['review-visit', token] as const,
  reviewPosts: (token: string) => ['review-visit', token, 'posts'] as const,
  reviewComments: (token: string, postId: string) =>
    ['review-visit', token, 'comments', postId] as const,
  /** Under `posts`: every saved change of a post refreshes its review state, diff and history. */
  postDetail: (workspace: string, id: string) =>
    ['workspaces', workspace, 'posts', 'detail', id] as const,
  postReview: (workspace: string, id: string) =>
    ['workspaces', workspace, 'posts', 'review', id] as const,
  revisions: (workspace: string, id: string) =>
    ['workspaces', workspace, 'posts', 'review', id, 'revisions'] as const,
  postDiff: (workspace: string, id: string, query: DiffQuery) =>
    ['workspaces', workspace, 'posts', 'review', id, 'diff', query] as const,
  postHistory: (workspace: string, id: string) =>
    ['workspaces', workspace, 'posts', 'review', id, 'history'] as const,
  reviewQueue: (workspace: string) => ['workspaces', workspace, 'posts', 'review-queue'] as const,
  approvalPolicy: (workspace: string) => ['workspaces', workspace, 'approval-policy'] as const,
  audit: (workspace: string, filters: Record<string, QueryValue>) =>
    ['workspaces', workspace, 'audit', filters] as const,
  /** The signed-in person's inbox, across workspaces. */
  notifications: ['notifications'] as const,
  notificationList: (query: Record<string, QueryValue>) =>
    ['notifications', 'list', query] as const,
  notificationSettings: ['notifications', 'settings'] as const,
  pause: (workspace: string) => ['workspaces', workspace, 'pause'] as const,
  duePosts: (workspace: string) => ['workspaces', workspace, 'pause', 'due-posts'] as const,
  calendarFeed: (workspace: string) => ['workspaces', workspace, 'calendar-feed'] as const,
  shareLinks: (workspace: string) => ['workspaces', workspace, 'share-links'] as const,
  importJob: (workspace: string, id: string) => ['workspaces', workspace, 'imports', id] as const,
  /** A stakeholder's page: kept apart from everything of a signed-in member. */
  sharedPlan: (token: string) => ['shared-plan', token] as const,
  sharedPosts: (token: string, query: { from?: string; to?: string }) =>
    ['shared-plan', token, 'posts', query] as const,
};
