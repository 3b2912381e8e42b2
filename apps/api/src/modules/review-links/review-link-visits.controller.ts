import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CommentThread,
  type CommentThreadList,
  type ReviewLinkInfo,
  type ReviewPost,
  type ReviewPostList,
  type UnlockReviewLinkResponse,
  UnlockReviewLinkRequestSchema,
  VisitorApproveRequestSchema,
  VisitorCommentRequestSchema,
  VisitorRequestChangesRequestSchema,
} from '@postplan/contracts';
import type { CookieOptions, Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Public } from '../../common/auth/actor';
import { SESSION_COOKIE, readCookie } from '../../common/auth/cookies';
import { ACCESS_COOKIE, DEVICE_COOKIE, linkApiPath } from '../../common/auth/link-access';
import { ReviewLinkVisitsService, type VisitorContext } from './review-link-visits.service';

class UnlockDto extends createZodDto(UnlockReviewLinkRequestSchema) {}
class ApproveDto extends createZodDto(VisitorApproveRequestSchema) {}
class RequestChangesDto extends createZodDto(VisitorRequestChangesRequestSchema) {}
class CommentDto extends createZodDto(VisitorCommentRequestSchema) {}

function visitorOf(req: Request): VisitorContext {
  const [scheme, bearer] = (req.get('authorization') ?? '').split(' ');
  return {
    accessCookie: readCookie(req, ACCESS_COOKIE),
    deviceCookie: readCookie(req, DEVICE_COOKIE),
    ip: req.ip ?? 'unknown',
    sessionCookie: readCookie(req, SESSION_COOKIE),
    bearerToken: scheme?.toLowerCase() === 'bearer' && bearer ? bearer : undefined,
  };
}

/**
 * The visitor's side of a review link, without an account. No session is read here: the token
 * in the path is the credential. Cross-site requests are no threat: bodies must be JSON (a form
 * cannot send it without a CORS preflight, which is refused), and the unlock cookie is
 * SameSite=Strict and sent only to this link's paths.
 */
@ApiTags('review links (visitors)')
@Public()
@Controller('v1/review/:token')
export class ReviewLinkVisitsController {
  constructor(private readonly visits: ReviewLinkVisitsService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  info(@Param('token') token: string, @Req() req: Request): Promise<ReviewLinkInfo> {
    return this.visits.info(token, visitorOf(req));
  }

  @Post('unlock')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async unlock(
    @Param('token') token: string,
    @Body() body: UnlockDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UnlockReviewLinkResponse> {
    const result = await this.visits.unlock(token, body, visitorOf(req));
    if (result.cookies) {
      const base: CookieOptions = {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: linkApiPath(token),
      };
      res.cookie(ACCESS_COOKIE, result.cookies.access, { ...base, expires: result.unlockedUntil });
      res.cookie(DEVICE_COOKIE, result.cookies.device, { ...base, maxAge: 180 * 86_400_000 });
    }
    return { unlockedUntil: result.unlockedUntil.toISOString() };
  }

  @Get('posts')
  @Header('Cache-Control', 'no-store')
  posts(@Param('token') token: string, @Req() req: Request): Promise<ReviewPostList> {
    return this.visits.posts(token, visitorOf(req));
  }

  @Get('posts/:id')
  @Header('Cache-Control', 'no-store')
  post(
    @Param('token') token: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
  ): Promise<ReviewPost> {
    return this.visits.post(token, id, visitorOf(req));
  }

  @Post('posts/:id/approve')
  @HttpCode(200)
  approve(
    @Param('token') token: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ApproveDto,
    @Req() req: Request,
  ): Promise<ReviewPost> {
    return this.visits.approve(token, id, body, visitorOf(req));
  }

  @Post('posts/:id/request-changes')
  @HttpCode(200)
  requestChanges(
    @Param('token') token: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RequestChangesDto,
    @Req() req: Request,
  ): Promise<ReviewPost> {
    return this.visits.requestChanges(token, id, body, visitorOf(req));
  }

  @Get('posts/:id/comments')
  @Header('Cache-Control', 'no-store')
  commentsOf(
    @Param('token') token: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
  ): Promise<CommentThreadList> {
    return this.visits.commentsOf(token, id, visitorOf(req));
  }

  @Post('posts/:id/comments')
  comment(
    @Param('token') token: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CommentDto,
    @Req() req: Request,
  ): Promise<CommentThread> {
    return this.visits.comment(token, id, body, visitorOf(req));
  }
}
