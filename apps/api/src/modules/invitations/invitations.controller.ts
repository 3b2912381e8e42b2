import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AddMemberRequestSchema,
  type InvitationCreated,
  type InvitationList,
  type InvitationPreview,
  LinkTokenSchema,
  type MeResponse,
  type PendingInvitationList,
  RegisterFromInvitationSchema,
} from '@postplan/contracts';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import {
  type Actor,
  ClientInfo,
  CurrentActor,
  Public,
  SessionOnly,
  TokenScopeNeeded,
} from '../../common/auth/actor';
import { setSessionCookies } from '../../common/auth/cookies';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { AuthError } from '../auth/auth.errors';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { InvitationsService } from './invitations.service';

class InviteDto extends createZodDto(AddMemberRequestSchema) {}
class RegisterDto extends createZodDto(RegisterFromInvitationSchema) {}

/** Owners and admins invite, list and revoke; the role rules are the members' rules. */
@ApiTags('workspaces')
@Controller('v1/workspaces/:ws')
@UseGuards(WorkspaceGuard)
export class WorkspaceInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Invites an address; the answer is the same whether or not it has an account. */
  @Post('members')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  invite(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @CurrentActor() actor: Actor,
    @Body() body: InviteDto,
  ): Promise<InvitationCreated> {
    return this.invitations.invite(ws, actor.userId, body);
  }

  @Get('invitations')
  @WorkspaceRole('admin')
  async list(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<InvitationList> {
    return { items: await this.invitations.listPending(ws.id) };
  }

  @Delete('invitations/:id')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @HttpCode(204)
  revoke(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.invitations.revoke(ws, actor.userId, id);
  }
}

function tokenOf(raw: string): string {
  const parsed = LinkTokenSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AuthError(
      'INVITATION_NOT_FOUND',
      'This invitation does not exist, was already used, or was withdrawn.',
    );
  }
  return parsed.data;
}

/** The invitee's side: open a link, join with a new account, or accept and decline signed in. */
@ApiTags('invitations')
@Controller('v1')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Public()
  @Get('invitations/:token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(tokenOf(token));
  }

  /** A new address sets its own name and password and is signed in. */
  @Public()
  @Post('invitations/:token/register')
  async register(
    @Param('token') token: string,
    @Body() body: RegisterDto,
    @ClientInfo() client: ClientInfo,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const { session, me } = await this.invitations.register(tokenOf(token), body, client);
    setSessionCookies(req, res, session);
    return me;
  }

  @SessionOnly()
  @Post('invitations/:token/accept')
  @HttpCode(200)
  acceptByToken(@CurrentActor() actor: Actor, @Param('token') token: string): Promise<MeResponse> {
    return this.invitations.acceptByToken(actor.userId, tokenOf(token));
  }

  @Get('me/invitations')
  async mine(@CurrentActor() actor: Actor): Promise<PendingInvitationList> {
    return { items: await this.invitations.pendingFor(actor.userId) };
  }

  @SessionOnly()
  @Post('me/invitations/:id/accept')
  @HttpCode(200)
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MeResponse> {
    return this.invitations.acceptById(actor.userId, id);
  }

  @SessionOnly()
  @Post('me/invitations/:id/decline')
  @HttpCode(204)
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.invitations.decline(actor.userId, id);
  }
}
