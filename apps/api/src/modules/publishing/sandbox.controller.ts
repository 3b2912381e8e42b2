import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IdSchema, MAX_TEXT_LENGTH } from '@postplan/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { Public } from '../../common/auth/actor';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { escapeHtml } from '../notifications/notification-mail';
import {
  type SandboxCommentRow,
  type SandboxMedia,
  SandboxPostsRepository,
} from './sandbox-posts.repository';

const SandboxPostSchema = z.object({
  channelId: IdSchema.optional(),
  title: z.string().max(200).default(''),
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
  media: z
    .array(
      z.object({
        url: z.url().max(2000),
        mimeType: z.string().max(100),
        altText: z.string().max(2000).nullable(),
      }),
    )
    .max(20)
    .default([]),
});
const KeySchema = z.string().trim().min(1).max(200);
const SandboxCommentSchema = z.strictObject({
  author: z.string().trim().min(1).max(100),
  text: z.string().min(1).max(5000),
  replyTo: IdSchema.nullable().optional(),
});

/**
 * The sandbox platform built into Postplan: a place to publish to without any account, so a
 * new workspace sees the whole way a post goes out, and can open what was "published". It
 * speaks the small API SandboxAdapter expects (libs/platforms/src/sandbox), deduplicating on the
 * Idempotency-Key like a careful platform would. It is not a real audience: its pages are open
 * to anyone who has the link, like a public post.
 */
@ApiExcludeController()
@Controller('sandbox')
@Public()
export class SandboxController {
  constructor(
    private readonly posts: SandboxPostsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Post('posts')
  async create(
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const parsedKey = KeySchema.safeParse(key);
    const parsed = SandboxPostSchema.safeParse(body);
    if (!parsedKey.success || !parsed.success) {
      res.status(422).json({
        error: 'REJECTED',
        message: parsedKey.success ? 'The post needs a text.' : 'Send an Idempotency-Key header.',
      });
      return;
    }
    const id = await this.posts.insertOnce({
      key: parsedKey.data,
      channelId: parsed.data.channelId ?? null,
      title: parsed.data.title,
      text: parsed.data.text,
      media: parsed.data.media,
    });
    if (id) {
      res.status(201).json(this.answer(id));
      return;
    }
    const existing = await this.posts.idByKey(parsedKey.data);
    res.status(409).json({ error: 'DUPLICATE', existing: existing && this.answer(existing) });
  }

  @Get('posts')
  async find(@Query('idempotencyKey') key: string | undefined, @Res() res: Response) {
    const parsed = KeySchema.safeParse(key);
    const id = parsed.success ? await this.posts.idByKey(parsed.data) : null;
    if (!id) res.status(404).json({ error: 'NOT_FOUND' });
    else res.status(200).json(this.answer(id));
  }

  /**
   * Someone comments on a sandbox post (a person trying a contest, the demo's entrants). The
   * comment's time is the server's; replies name the comment they answer.
   */
  @Post('posts/:id/comments')
  async comment(
    @Param('id') id: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const parsed = SandboxCommentSchema.safeParse(body);
    if (!IdSchema.safeParse(id).success || !(await this.exists(id))) {
      res.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    if (!parsed.success) {
      res.status(422).json({ error: 'REJECTED', message: 'A comment needs an author and a text.' });
      return;
    }
    const stored = await this.posts.insertComment({
      postId: id,
      replyTo: parsed.data.replyTo ?? null,
      author: parsed.data.author,
      text: parsed.data.text,
      at: this.clock.now(),
    });
    if (!stored) {
      res
        .status(422)
        .json({ error: 'REJECTED', message: 'The comment answered is not on this post.' });
      return;
    }
    res.status(201).json(commentAnswer(stored));
  }

  /** The post's comments and replies, oldest first (what SandboxAdapter.listReplies reads). */
  @Get('posts/:id/comments')
  async comments(
    @Param('id') id: string,
    @Query('since') since: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!IdSchema.safeParse(id).success || !(await this.exists(id))) {
      res.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    const from = since && !Number.isNaN(Date.parse(since)) ? new Date(since) : null;
    const rows = await this.posts.comments(id, from);
    res.status(200).json({ items: rows.map(commentAnswer) });
  }

  private async exists(id: string): Promise<boolean> {
    return (await this.posts.find(id)) !== null;
  }

  /** The "published post": a plain page a person can open from the calendar. */
  @Get(':id')
  async page(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const post = IdSchema.safeParse(id).success ? await this.posts.find(id) : null;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (!post) {
      res.status(404).send(page('Sandbox', '<p>This sandbox post does not exist.</p>'));
      return;
    }
    const title = escapeHtml(post.title || 'Sandbox post');
    res.status(200).send(
      page(
        title,
        `<p class="meta">Postplan sandbox · published ${escapeHtml(post.created_at.toISOString())}</p>
         <h1>${title}</h1>
         <div class="text">${escapeHtml(post.text).replace(/\n/g, '<br>')}</div>
         ${mediaHtml(post.media)}
         <p class="meta">A test platform built into Postplan: nobody but you sees this.</p>`,
      ),
    );
  }

  private answer(id: string) {
    const base =
      this.config.publicUrl?.replace(/\/+$/, '') ??
      this.config.publishing.sandboxUrl.replace(/\/api\/sandbox$/, '');
    return { id, url: `${base}/api/sandbox/${id}` };
  }
}

/**
 * The post's pictures as a platform shows them, each with its alt text as the image's alt; a
 * video as a link. Only http(s) links are drawn (the adapter sends signed links to this
 * server's files, valid for hours: the sandbox keeps the links, not the bytes).
 */
function mediaHtml(media: readonly SandboxMedia[]): string {
  const safe = media.filter((m) => /^https?:\/\//i.test(m.url));
  if (safe.length === 0) return '';
  const items = safe.map((m) => {
    const url = escapeHtml(m.url);
    const alt = escapeHtml(m.altText ?? '');
    return m.mimeType.startsWith('image/')
      ? `<figure><img src="${url}" alt="${alt}" data-testid="sandbox-image"></figure>`
      : `<figure><a href="${url}">Video</a>${alt ? `<figcaption>${alt}</figcaption>` : ''}</figure>`;
  });
  return `<div class="media">${items.join('')}</div>`;
}

function commentAnswer(c: SandboxCommentRow) {
  return {
    id: c.id,
    author: c.author,
    text: c.text,
    createdAt: c.created_at.toISOString(),
    replyTo: c.reply_to,
  };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
.meta{color:#6b7280;font-size:.875rem}.media{display:grid;gap:.5rem}.media figure{margin:0}.media img{max-width:100%;height:auto;border-radius:.5rem}.text{font-size:1.125rem;line-height:1.6;white-space:normal}</style>
</head><body>${body}</body></html>`;
}
