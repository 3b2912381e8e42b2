import { Injectable } from '@nestjs/common';
import {
  type CreateReviewLinkRequestSchema,
  type CreatedReviewLink,
  type ReviewLink,
} from '@postplan/contracts';
import {
  linkExpiryProblem,
  parseRangeBound,
  parseZonedDateTime,
  ReviewLinkScopeSchema,
} from '@postplan/domain';
import { type z } from 'zod';
import { randomSecret, sha256 } from '../../common/auth/secrets';
import { withTimeErrors } from '../../common/errors/time-errors';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { invalidField, linkNotFound, ReviewLinkError } from './review-link.errors';
import { toReviewLink } from './review-link.mapper';
import { type NewReviewLink, ReviewLinksRepository } from './review-links.repository';
import { Clock } from '../../common/clock/clock';

type CreateInput = z.output<typeof CreateReviewLinkRequestSchema>;

/** What the audit log keeps of a link: never its token or password hash. */
function auditView(link: ReviewLink) {
  return {
    label: link.label,
    permission: link.permission,
    scope: link.scope,
    expiresAt: link.expiresAt,
    passwordProtected: link.passwordProtected,
    state: link.state,
  };
}

/** Owners and admins create, list and revoke the workspace's review links. */
@Injectable()
export class ReviewLinksService {
  constructor(
    private readonly links: ReviewLinksRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(ws: WorkspaceWithRole): Promise<ReviewLink[]> {
    const now = this.clock.now();
    return (await this.links.list(ws.id)).map((row) => toReviewLink(row, ws.timeZone, now));
  }

  /**
   * Creates a link and answers with its token, the only time anybody sees it: the database
   * keeps its SHA-256. Everything is checked before anything is written.
   */
  async create(
    ws: WorkspaceWithRole,
    userId: string,
    input: CreateInput,
    origin: string,
  ): Promise<CreatedReviewLink> {
    const now = this.clock.now();
    const row = await this.checked(ws, userId, input, now);
    // argon2 takes a moment: outside the transaction, so no row lock waits for it.
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const token = randomSecret(32);
    const created = await this.links.transaction(async (em) => {
      const id = await this.links.insert(em, { ...row, passwordHash, tokenHash: sha256(token) });
      const stored = (await this.links.find(ws.id, id, em))!;
      const link = toReviewLink(stored, ws.timeZone, now);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'review_link.created',
        subject: { type: 'review_link', id },
        after: auditView(link),
      });
      return link;
    });
    return { ...created, token, url: `${origin.replace(/\/+$/, '')}/r/${token}` };
  }

  /** Ends a link at once; revoking a revoked link changes nothing. */
  async revoke(ws: WorkspaceWithRole, userId: string, id: string): Promise<void> {
    await this.links.transaction(async (em) => {
      const row = await this.links.lock(em, ws.id, id);
      if (!row) throw linkNotFound();
      if (row.revoked_at) return;
      const now = this.clock.now();
      await this.links.revoke(em, id, userId);
      const before = toReviewLink(row, ws.timeZone, now);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'review_link.revoked',
        subject: { type: 'review_link', id },
        before: auditView(before),
        after: { ...auditView(before), state: 'revoked' },
      });
    });
  }

  private async checked(
    ws: WorkspaceWithRole,
    userId: string,
    input: CreateInput,
    now: Date,
  ): Promise<Omit<NewReviewLink, 'passwordHash' | 'tokenHash'>> {
    const tz = ws.timeZone;
    const expiresAt = withTimeErrors(() => parseZonedDateTime(input.expiresAt, tz));
    const expiryProblem = linkExpiryProblem(expiresAt.toISOString(), now);
    if (expiryProblem) throw invalidField('expiresAt', expiryProblem);

    const { scope } = input;
    const from = scope.from ? withTimeErrors(() => parseRangeBound(scope.from!, tz)) : null;
    const to = scope.to ? withTimeErrors(() => parseRangeBound(scope.to!, tz)) : null;
    const channelIds = scope.channelIds ?? null;
    const postIds = scope.postIds ?? null;
    // The domain's schema is the judge of a scope; here it sees the instants the zone gave.
    const judged = ReviewLinkScopeSchema.safeParse({
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      channelIds,
      postIds,
    });
    if (!judged.success) {
      const issue = judged.error.issues[0]!;
      throw invalidField(['scope', ...issue.path.map(String)].join('.'), issue.message);
    }

    if (channelIds) {
      const known = await this.links.existingChannels(ws.id, channelIds);
      const unknown = channelIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new ReviewLinkError(
          'UNKNOWN_CHANNEL',
          'The link names channels this workspace does not have.',
          { channelIds: unknown },
        );
      }
    }
    if (postIds) {
      const known = await this.links.existingPosts(ws.id, postIds);
      const unknown = postIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new ReviewLinkError(
          'UNKNOWN_POST',
          'The link names posts this workspace does not have (or that are in the bin).',
          { postIds: unknown },
        );
      }
    }

    return {
      workspaceId: ws.id,
      label: input.label,
      permission: input.permission,
      scopeFrom: from,
      scopeTo: to,
      channelIds,
      postIds,
      expiresAt,
      createdBy: userId,
    };
  }
}
