import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CommentThread,
  type CommentThreadList,
  type ReviewLinkInfo,
  type ReviewPost,
  type ReviewPostList,
  type UnlockReviewLinkRequestSchema,
  type VisitorApproveRequestSchema,
  type VisitorCommentRequestSchema,
  type VisitorRequestChangesRequestSchema,
} from '@postplan/contracts';
import {
  EDITORIAL_STATUSES,
  type LinkDecision,
  type LinkDenialCode,
  type LinkPermission,
  linkAllows,
  linkFourEyesProblem,
} from '@postplan/domain';
import { type z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type AuditActor, AuditService } from '../audit/audit.service';
import { THROTTLE_WINDOW_MS, decideThrottle } from '../auth/login-throttle';
import { AuthService } from '../auth/auth.service';
import { verifyPassword } from '../auth/passwords';
import { CommentsService } from '../comments/comments.service';
import { ReviewService } from '../review/review.service';
import {
  accessUntil,
  isUnlocked,
  knownDeviceId,
  openLink,
  tooManyWrongPasswords,
  unlockCookies,
} from '../../common/auth/link-access';
import { linkExpired, linkNotFound, postNotInLink, ReviewLinkError } from './review-link.errors';
import { toDomainLink, toLinkedPost, toReviewPost } from './review-link.mapper';
import {
  ReviewLinksRepository,
  type VisitedLinkRow,
  type VisitorPostRow,
} from './review-links.repository';
import { UnlockAttemptsRepository } from './unlock-attempts.repository';
import { Clock } from '../../common/clock/clock';

/** What the browser brings along: the link's cookies and where it comes from. */
export type VisitorContext = {
  accessCookie: string | undefined;
  deviceCookie: string | undefined;
  ip: string;
  /** A member's credentials that came along; they grant nothing here, see `signedInAs`. */
  sessionCookie?: string;
  bearerToken?: string;
};

export type Unlocked = {
  unlockedUntil: Date;
  /** Cookie values to set; none for a link without a password. */
  cookies: { access: string; device: string } | null;
};

type UnlockInput = z.output<typeof UnlockReviewLinkRequestSchema>;
type ApproveInput = z.output<typeof VisitorApproveRequestSchema>;
type RequestChangesInput = z.output<typeof VisitorRequestChangesRequestSchema>;
type CommentInput = z.output<typeof VisitorCommentRequestSchema>;

/** The statuses a link may show (the domain's rule decides; this only narrows the query). */
const SHARED = EDITORIAL_STATUSES.filter((s) => s !== 'idea' && s !== 'draft');
const MAX_POSTS = 500;

/**
 * Everything a review link's visitor can do, without an account. The token is looked up by its
 * SHA-256; unknown, malformed and revoked links look the same (404), an expired one says so
 * (410). A password-protected link shows nothing until this browser proves it knows the
 * password. The domain's linkAllows decides about every post and every action.
 */
@Injectable()
export class ReviewLinkVisitsService {
  private readonly logger = new Logger(ReviewLinkVisitsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: ReviewLinksRepository,
    private readonly attempts: UnlockAttemptsRepository,
    private readonly review: ReviewService,
    private readonly comments: CommentsService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async info(token: string, visitor: VisitorContext): Promise<ReviewLinkInfo> {
    const link = await this.open(token);
    return {
      label: link.label,
      workspaceName: link.workspace_name,
      permission: link.permission,
      expiresAt: link.expires_at.toISOString(),
      timeZone: link.time_zone,
      passwordRequired: link.password_hash !== null,
      unlocked: this.isUnlocked(link, visitor),
    };
  }

  /**
   * Checks the link's password, throttled like logins: the link plays the account, and a
   * browser that unlocked this link before is judged only by its own failures, so someone
   * guessing (even from the client's own address) cannot lock the client out.
   */
  async unlock(token: string, input: UnlockInput, visitor: VisitorContext): Promise<Unlocked> {
    const link = await this.open(token);
    const now = this.clock.now();
    if (link.password_hash === null) return { unlockedUntil: link.expires_at, cookies: null };
    const device = knownDeviceId(this.config.secretKey, link.id, visitor.deviceCookie);
    const counts = await this.attempts.failuresSince(
      link.id,
      visitor.ip,
      new Date(now.getTime() - THROTTLE_WINDOW_MS),
      device,
    );
    const decision = decideThrottle(counts, now, device !== null);
    if (!decision.allowed) {
      this.logger.warn({ event: 'review_link_unlock_throttled', linkId: link.id }, 'throttled');
      throw tooManyWrongPasswords(decision.retryAfterSeconds);
    }
    const ok = await verifyPassword(link.password_hash, input.password);
    await this.attempts.record(link.id, visitor.ip, ok, device);
    const actor = this.actor(link, input.visitorName);
    if (!ok) {
      await this.audit.recordNow({
        workspaceId: link.workspace_id,
        actor,
        action: 'review_link.unlock_failed',
        subject: { type: 'review_link', id: link.id },
        ip: visitor.ip,
      });
      throw new ReviewLinkError('REVIEW_LINK_PASSWORD_WRONG', 'The password is not right.');
    }
    await this.audit.recordNow({
      workspaceId: link.workspace_id,
      actor,
      action: 'review_link.unlocked',
      subject: { type: 'review_link', id: link.id },
      ip: visitor.ip,
    });
    await this.links.touch(link.id);
    const until = accessUntil(now, link.expires_at);
    const signed = { id: link.id, passwordHash: link.password_hash };
    return { unlockedUntil: until, cookies: unlockCookies(this.config.secretKey, signed, until) };
  }

  async posts(token: string, visitor: VisitorContext): Promise<ReviewPostList> {
    const link = await this.enter(token, visitor);
    const scope = toDomainLink(link);
    const rows = await this.links.postsInScope({
      workspaceId: link.workspace_id,
      statuses: SHARED,
      from: link.scope_from,
      to: link.scope_to,
      channelIds: link.channel_ids,
      postIds: link.post_ids,
      limit: MAX_POSTS,
    });
    const now = this.clock.now();
    const shown = rows.filter((row) => linkAllows(scope, toLinkedPost(row), 'view', now).ok);
    return { items: await this.present(link, shown, now), timeZone: link.time_zone };
  }

  async post(token: string, postId: string, visitor: VisitorContext): Promise<ReviewPost> {
    const link = await this.enter(token, visitor);
    const row = await this.allowed(link, postId, 'view');
    return (await this.present(link, [row], this.clock.now()))[0]!;
  }

  async approve(
    token: string,
    postId: string,
    input: ApproveInput,
    visitor: VisitorContext,
  ): Promise<ReviewPost> {
    return this.decide(token, postId, visitor, input.visitorName, {
      decision: 'approve',
      note: input.note || undefined,
      seenContentHash: input.contentHash,
    });
  }

  async requestChanges(
    token: string,
    postId: string,
    input: RequestChangesInput,
    visitor: VisitorContext,
  ): Promise<ReviewPost> {
    return this.decide(token, postId, visitor, input.visitorName, {
      decision: 'request_changes',
      note: input.note,
      seenContentHash: input.contentHash,
    });
  }

  /**
   * The threads visitors of this link started, with the team's replies. The team's own
   * threads are internal and stay out of sight.
   */
  async commentsOf(
    token: string,
    postId: string,
    visitor: VisitorContext,
  ): Promise<CommentThreadList> {
    const link = await this.enter(token, visitor);
    await this.allowed(link, postId, 'view');
    const all = await this.comments.list(link.workspace_id, postId, link.channel_ids);
    return {
      ...all,
      items: all.items.filter((t) => t.author.type === 'link' && t.author.linkId === link.id),
    };
  }

  async comment(
    token: string,
    postId: string,
    input: CommentInput,
    visitor: VisitorContext,
  ): Promise<CommentThread> {
    const link = await this.enter(token, visitor);
    const actor = this.actor(link, input.visitorName);
    const row = await this.allowed(link, postId, 'comment', actor);
    return this.comments.createAsVisitor({
      workspaceId: link.workspace_id,
      postId: row.id,
      link: { linkId: link.id, label: link.label },
      visitorName: input.visitorName,
      visibleChannelIds: link.channel_ids,
      comment: { body: input.body },
    });
  }

  private async decide(
    token: string,
    postId: string,
    visitor: VisitorContext,
    visitorName: string,
    decision: {
      decision: 'approve' | 'request_changes';
      note?: string;
      seenContentHash?: string;
    },
  ): Promise<ReviewPost> {
    const link = await this.enter(token, visitor);
    await this.allowed(link, postId, 'approve', this.actor(link, visitorName));
    // The review service checks state, levels (only client levels through a link), the
    // content the visitor saw and the wording gate, and audits as "name (via link 'label')".
    await this.review.decide({
      workspaceId: link.workspace_id,
      postId,
      actor: { type: 'link', linkId: link.id, label: link.label, visitorName },
      ...decision,
      linkContext: { createdBy: link.created_by, signedInAs: await this.signedInAs(visitor) },
    });
    return this.post(token, postId, visitor);
  }

  /**
   * The member this browser (or script) is signed in as, if any. It gives the visitor no rights;
   * it only lets the four-eyes rule refuse an author approving their own post through a link.
   */
  private async signedInAs(visitor: VisitorContext): Promise<string | null> {
    if (visitor.bearerToken) {
      const found = await this.auth.fromBearer(visitor.bearerToken);
      return found.status === 'ok' ? found.userId : null;
    }
    if (visitor.sessionCookie)
      return (await this.auth.sessionFromCookie(visitor.sessionCookie))?.userId ?? null;
    return null;
  }

  /** The link behind a token, if it is still valid; nothing else is said about it. */
  private open(token: string): Promise<VisitedLinkRow> {
    return openLink(token, this.clock.nowMs(), (hash) => this.links.findByTokenHash(hash), {
      notFound: linkNotFound,
      expired: linkExpired,
    });
  }

  /** open, plus the password check: what every read and action of posts needs. */
  private async enter(token: string, visitor: VisitorContext): Promise<VisitedLinkRow> {
    const link = await this.open(token);
    if (!this.isUnlocked(link, visitor)) {
      throw new ReviewLinkError(
        'REVIEW_LINK_PASSWORD_REQUIRED',
        'This review link is protected by a password. Enter it first.',
      );
    }
    await this.links.touch(link.id);
    return link;
  }

  private isUnlocked(link: VisitedLinkRow, visitor: VisitorContext): boolean {
    return isUnlocked(this.config.secretKey, link, visitor.accessCookie, this.clock.now());
  }

  /**
   * The post, if the link may do this with it. Posts outside the link answer like unknown
   * ones; a refused permission is recorded in the audit log.
   */
  private async allowed(
    link: VisitedLinkRow,
    postId: string,
    action: LinkPermission,
    actor?: AuditActor,
  ): Promise<VisitorPostRow> {
    const [row] = await this.links.postsInScope({
      workspaceId: link.workspace_id,
      statuses: EDITORIAL_STATUSES,
      postId,
      limit: 1,
    });
    if (!row) throw postNotInLink();
    const decision = linkAllows(toDomainLink(link), toLinkedPost(row), action, this.clock.now());
    if (decision.ok) return row;
    const error = denial(decision.code, decision.message);
    if (actor && error.code !== 'POST_NOT_FOUND') {
      await this.audit.recordNow({
        workspaceId: link.workspace_id,
        actor,
        action: 'access.denied',
        postId,
        after: { attempted: action, code: error.code },
        reason: error.message,
      });
    }
    throw error;
  }

  private async present(
    link: VisitedLinkRow,
    rows: VisitorPostRow[],
    now: Date,
  ): Promise<ReviewPost[]> {
    const scope = toDomainLink(link);
    const memberIds = rows.flatMap((r) =>
      (r.round?.decisions ?? []).map((d) => d.userId).filter((id) => !id.startsWith('link:')),
    );
    const memberNames = await this.links.userNames([...new Set(memberIds)]);
    return rows.map((row) => {
      const post = toLinkedPost(row);
      const view: LinkDecision = linkAllows(scope, post, 'view', now);
      return toReviewPost(row, {
        timeZone: link.time_zone,
        visibleChannelIds: view.ok ? view.visibleChannelIds : [],
        canComment: linkAllows(scope, post, 'comment', now).ok,
        mayDecide: linkAllows(scope, post, 'approve', now).ok,
        mayApprove:
          !row.round ||
          linkFourEyesProblem(row.round, { linkId: link.id, createdBy: link.created_by }) === null,
        memberNames,
      });
    });
  }

  private actor(link: VisitedLinkRow, visitorName: string): AuditActor {
    return { type: 'link', linkId: link.id, label: link.label, visitorName };
  }
}

/** The API's answer to each of the domain's refusals. */
function denial(code: LinkDenialCode, message: string): ReviewLinkError {
  switch (code) {
    case 'LINK_REVOKED':
      return linkNotFound();
    case 'LINK_EXPIRED':
      return linkExpired();
    case 'LINK_OUT_OF_SCOPE':
    case 'POST_NOT_SHARED':
      return postNotInLink();
    case 'LINK_PERMISSION_MISSING':
      return new ReviewLinkError('REVIEW_LINK_PERMISSION_MISSING', message);
    case 'LINK_SCOPE_PARTIAL':
      return new ReviewLinkError('REVIEW_LINK_SCOPE_PARTIAL', message);
  }
}
