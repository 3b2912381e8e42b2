import { Injectable } from '@nestjs/common';
import {
  type Invitation,
  type InvitationCreated,
  type InvitationPreview,
  type MeResponse,
  type PendingInvitation,
  type Role,
} from '@postplan/contracts';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { randomSecret, sha256 } from '../../common/auth/secrets';
import { AuditService } from '../audit/audit.service';
import { AuthError } from '../auth/auth.errors';
import { AuthService, type Client, type NewSession } from '../auth/auth.service';
import { assertStrongPassword } from '../auth/password-strength';
import { hashPassword } from '../auth/passwords';
import { AccountMailService } from '../notifications/account-mail.service';
import { UsersService } from '../users/users.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { WorkspacesService, assertMayGrant } from '../workspaces/workspaces.service';
import {
  type InvitationRow,
  InvitationsRepository,
  type TokenKind,
} from './invitations.repository';
import { Clock } from '../../common/clock/clock';

/** An invitation works for a week, once. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

/**
 * Membership only by consent. Inviting never looks at whether the address has an account: the
 * same statements run, the same answer goes back, so the inviter learns nothing about it. A
 * new address sets its own password from the link; an existing account joins only when it,
 * signed in, accepts.
 *
 * Each invitation has two links: the one mailed to the address, and the one shown to the
 * inviter to hand over. Only the mailed one proves the mailbox; an account made from the
 * handed-over link is unverified and cannot accept another workspace's invitation until a
 * link that reached the mailbox (an invitation mail or a password reset) proves the address.
 * So nobody can prepare an account for someone else and wait for it to be invited elsewhere.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersService,
    private readonly workspaces: WorkspacesService,
    private readonly auth: AuthService,
    private readonly mail: AccountMailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async invite(
    ws: WorkspaceWithRole,
    inviterId: string,
    input: { email: string; role: Role },
  ): Promise<InvitationCreated> {
    assertMayGrant(ws.role, input.role);
    const mailToken = randomSecret();
    const linkToken = randomSecret();
    const expiresAt = new Date(this.clock.nowMs() + INVITATION_TTL_MS);
    const inviter = await this.users.findById(inviterId);
    const id = await this.invitations.transaction(async (em) => {
      if (await this.invitations.isMember(em, ws.id, input.email)) {
        throw new AuthError(
          'MEMBER_EXISTS',
          `${input.email} is already a member of this workspace.`,
        );
      }
      const id = await this.invitations.create(em, {
        workspaceId: ws.id,
        email: input.email,
        role: input.role,
        invitedBy: inviterId,
        mailTokenHash: sha256(mailToken),
        linkTokenHash: sha256(linkToken),
        expiresAt,
      });
      await this.mail.queue(em, {
        kind: 'invitation',
        to: input.email,
        locale: ws.locale,
        link: this.link(mailToken),
        data: {
          workspaceName: ws.name,
          inviterName: inviter?.name ?? null,
          role: input.role,
          expiresAt: expiresAt.toISOString(),
        },
      });
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId: inviterId },
        action: 'member.invited',
        subject: { type: 'invitation', id },
        after: { email: input.email, role: input.role },
      });
      return id;
    });
    return {
      invitation: {
        id,
        email: input.email,
        role: input.role,
        invitedBy: inviter?.name ?? null,
        createdAt: this.clock.now().toISOString(),
        expiresAt: expiresAt.toISOString(),
      },
      inviteUrl: this.link(linkToken),
      emailSent: this.mail.emailAvailable,
    };
  }

  async listPending(workspaceId: string): Promise<Invitation[]> {
    return (await this.invitations.listPending(workspaceId)).map(toInvitation);
  }

  /** Owners revoke any invitation; admins all but those that would make someone an owner. */
  async revoke(ws: WorkspaceWithRole, actorId: string, id: string): Promise<void> {
    const inv = await this.invitations.findById(id);
    if (!inv || inv.workspace_id !== ws.id) throw notFound();
    if (inv.role === 'owner' && ws.role !== 'owner') {
      throw new AuthError('FORBIDDEN_ROLE', 'Only an owner can revoke an invitation as owner.', {
        required: 'owner',
      });
    }
    if (!(await this.invitations.revoke(ws.id, id))) throw notFound();
    await this.audit.recordNow({
      workspaceId: ws.id,
      actor: { type: 'user', userId: actorId },
      action: 'member.invitation_revoked',
      subject: { type: 'invitation', id },
    });
  }

  /** What the link shows before anyone joins: the workspace's name, the role, who invited. */
  async preview(token: string): Promise<InvitationPreview> {
    const { invitation } = await this.open(token);
    return {
      workspaceName: invitation.workspace_name,
      role: invitation.role,
      email: invitation.email,
      invitedBy: invitation.invited_by_name,
      expiresAt: invitation.expires_at.toISOString(),
    };
  }

  /**
   * A new address sets its own name and password from the link and joins. An address that has
   * an account is told to sign in and accept: the link never sets an existing account's password.
   */
  async register(
    token: string,
    input: { name: string; password: string },
    client: Client,
  ): Promise<{ session: NewSession; me: MeResponse }> {
    const { invitation, via } = await this.open(token);
    if (await this.users.findByEmail(invitation.email)) throw signInRequired();
    assertStrongPassword(input.password, [invitation.email, input.name]);
    const passwordHash = await hashPassword(input.password);
    let userId: string;
    try {
      userId = await this.invitations.transaction(async (em) => {
        await this.claim(em, invitation);
        const user = await this.users.create(
          {
            email: invitation.email,
            name: input.name,
            passwordHash,
            emailVerifiedAt: via === 'mail' ? this.clock.now() : null,
          },
          em,
        );
        await this.join(em, invitation, user.id, 'member.joined');
        return user.id;
      });
    } catch (e) {
      // Someone registered the address a moment ago (the unique index on the address).
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
        throw signInRequired();
      throw e;
    }
    return {
      session: await this.auth.startSession(userId, client),
      me: await this.auth.me(userId),
    };
  }

  /** Accepting a link while signed in as the invited address. */
  async acceptByToken(userId: string, token: string): Promise<MeResponse> {
    const { invitation, via } = await this.open(token);
    await this.accept(userId, invitation, via);
    return this.auth.me(userId);
  }

  async pendingFor(userId: string): Promise<PendingInvitation[]> {
    const user = await this.users.findById(userId);
    if (!user) return [];
    return (await this.invitations.listPendingForEmail(user.email)).map((i) => ({
      id: i.id,
      workspaceName: i.workspace_name,
      role: i.role,
      invitedBy: i.invited_by_name,
      expiresAt: i.expires_at.toISOString(),
    }));
  }

  /** Accepting from the list of one's own pending invitations (the address must be verified). */
  async acceptById(userId: string, id: string): Promise<MeResponse> {
    const invitation = await this.ownPending(userId, id);
    await this.accept(userId, invitation, 'list');
    return this.auth.me(userId);
  }

  async decline(userId: string, id: string): Promise<void> {
    const invitation = await this.ownPending(userId, id);
    await this.invitations.transaction(async (em) => {
      await this.claim(em, invitation);
      await this.invitations.markDeclined(em, invitation.id);
      await this.audit.record(em, {
        workspaceId: invitation.workspace_id,
        actor: { type: 'user', userId },
        action: 'member.invitation_declined',
        subject: { type: 'invitation', id: invitation.id },
      });
    });
  }

  private async accept(
    userId: string,
    invitation: InvitationRow,
    via: TokenKind | 'list',
  ): Promise<void> {
    const user = await this.users.findById(userId);
    // Another account's invitation looks like none at all.
    if (!user || user.email.toLowerCase() !== invitation.email.toLowerCase()) throw notFound();
    if (via !== 'mail' && !user.emailVerifiedAt) {
      throw new AuthError(
        'EMAIL_NOT_VERIFIED',
        'Confirm that this address is yours first: open the invitation from your e-mail, or reset your password by e-mail.',
      );
    }
    await this.invitations.transaction(async (em) => {
      await this.claim(em, invitation);
      if (await this.invitations.isMember(em, invitation.workspace_id, user.email)) {
        throw new AuthError('MEMBER_EXISTS', 'You are already a member of this workspace.');
      }
      if (via === 'mail') await this.users.markEmailVerified(user.id, em);
      await this.join(em, invitation, user.id, 'member.joined');
    });
  }

  /**
   * Locks the invitation and checks it is still open; an invitation to become owner also needs
   * its inviter to be an owner still (a demoted owner's offer lapses).
   */
  private async claim(em: EntityManager, invitation: InvitationRow): Promise<void> {
    if (!(await this.invitations.lockOpen(em, invitation.id))) throw notFound();
    if (
      invitation.role === 'owner' &&
      !(await this.invitations.isOwner(em, invitation.workspace_id, invitation.invited_by))
    ) {
      throw notFound();
    }
  }

  private async join(
    em: EntityManager,
    invitation: InvitationRow,
    userId: string,
    action: string,
  ): Promise<void> {
    await this.workspaces.addMember(invitation.workspace_id, userId, invitation.role, em);
    await this.invitations.markAccepted(em, invitation.id, userId);
    await this.audit.record(em, {
      workspaceId: invitation.workspace_id,
      actor: { type: 'user', userId },
      action,
      subject: { type: 'invitation', id: invitation.id },
      after: { role: invitation.role },
    });
  }

  private async ownPending(userId: string, id: string): Promise<InvitationRow> {
    const user = await this.users.findById(userId);
    const inv = await this.invitations.findById(id);
    if (
      !user ||
      !inv ||
      inv.email.toLowerCase() !== user.email.toLowerCase() ||
      inv.accepted_at ||
      inv.declined_at ||
      inv.revoked_at ||
      inv.expires_at <= this.clock.now()
    )
      throw notFound();
    return inv;
  }

  /** The invitation behind a link, if it is still open. */
  private async open(token: string): Promise<{ invitation: InvitationRow; via: TokenKind }> {
    const found = await this.invitations.findByToken(sha256(token));
    const inv = found?.invitation;
    if (!found || !inv || inv.accepted_at || inv.declined_at || inv.revoked_at) throw notFound();
    if (inv.expires_at <= this.clock.now()) {
      throw new AuthError('INVITATION_EXPIRED', 'This invitation has expired; ask for a new one.');
    }
    return found;
  }

  private link(token: string): string {
    return `${this.mail.publicUrl}/invite/${token}`;
  }
}

function toInvitation(i: InvitationRow): Invitation {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    invitedBy: i.invited_by_name,
    createdAt: i.created_at.toISOString(),
    expiresAt: i.expires_at.toISOString(),
  };
}

function notFound(): AuthError {
  return new AuthError(
    'INVITATION_NOT_FOUND',
    'This invitation does not exist, was already used, or was withdrawn.',
  );
}

function signInRequired(): AuthError {
  return new AuthError(
    'INVITATION_SIGN_IN_REQUIRED',
    'This address already has an account: sign in with it to accept the invitation.',
  );
}
