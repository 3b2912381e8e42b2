import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Role } from '@postplan/contracts';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { hashPassword } from '../auth/passwords';
import { CampaignsService } from '../campaigns/campaigns.service';
import { ChannelsService } from '../channels/channels.service';
import { PostRecordsService } from '../posts/post-records.service';
import { type PostWrite } from '../posts/posts.repository';
import { hashContent } from '../review/review-content';
import { ReviewService } from '../review/review.service';
import { Transactions } from '../../database/transactions';
import { UsersService } from '../users/users.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { type Platform } from '@postplan/contracts';
import { toLocal } from '@postplan/domain';
import {
  DEMO_CAMPAIGN,
  DEMO_CHANNELS,
  DEMO_IDEAS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_POSTS,
  DEMO_SANDBOX_CHANNEL,
  DEMO_SANDBOX_POST,
  DEMO_WORKSPACE,
} from './demo-content';
import { Clock } from '../../common/clock/clock';
import { ContestsDemo } from '../contests/contests.demo';

const DAY = 86_400_000;

/**
 * With POSTPLAN_DEMO=true (npm run demo) the database gets a demo workspace once: people with
 * every role, channels, and six weeks of posts around today. Running it again changes nothing.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly workspaces: WorkspacesService,
    private readonly transactions: Transactions,
    private readonly channels: ChannelsService,
    private readonly posts: PostRecordsService,
    private readonly review: ReviewService,
    private readonly campaigns: CampaignsService,
    private readonly clock: Clock,
    private readonly contests: ContestsDemo,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const created = await this.seed(this.clock.now());
    this.logger.log(
      `${created ? 'Created' : 'Found'} the demo workspace "${DEMO_WORKSPACE.name}"; log in as ${DEMO_PEOPLE[0]!.email} with the password ${DEMO_PASSWORD}`,
    );
  }

  async seed(now: Date): Promise<boolean> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const toReview: {
      ws: { id: string; timeZone: string };
      postId: string;
      author: { id: string; role: Role };
      approverId: string | null;
    }[] = [];
    let contestSeed: {
      people: { ownerId: string; editorId: string; authorId: string };
      sandboxChannelId: string;
    } | null = null;
    const created = await this.transactions.run(async (em) => {
      await this.transactions.serialise(em, 'postplan:demo');
      if (await this.workspaces.slugExists(DEMO_WORKSPACE.slug, em)) return false;
      const people = [];
      for (const p of DEMO_PEOPLE) {
        people.push(
          (await this.users.findByEmail(p.email, em)) ??
            (await this.users.create(
              { email: p.email, name: p.name, passwordHash, locale: 'de', emailVerifiedAt: now },
              em,
            )),
        );
      }
      const ws = await this.workspaces.createWithOwner(DEMO_WORKSPACE, people[0]!.id, em);
      for (const [i, p] of DEMO_PEOPLE.entries()) {
        if (i > 0) await this.workspaces.addMember(ws.id, people[i]!.id, p.role, em);
      }
      const channelIds: string[] = [];
      const platforms: Record<string, Platform> = {};
      for (const c of DEMO_CHANNELS) {
        const channel = await this.channels.create(
          ws.id,
          { name: c.name, platform: c.platform },
          em,
        );
        channelIds.push(channel.id);
        platforms[channel.id] = c.platform;
      }
      // Created first: the posts approved ahead of time go to it (see below).
      const sandbox = await this.channels.create(
        ws.id,
        { name: DEMO_SANDBOX_CHANNEL.name, platform: DEMO_SANDBOX_CHANNEL.platform },
        em,
      );
      contestSeed = {
        people: { ownerId: people[0]!.id, editorId: people[1]!.id, authorId: people[2]!.id },
        sandboxChannelId: sandbox.id,
      };
      platforms[sandbox.id] = DEMO_SANDBOX_CHANNEL.platform;
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const localDay = (at: number) => {
        const l = toLocal(new Date(at), ws.timeZone);
        return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
      };
      const campaignFrom = today - DEMO_CAMPAIGN.daysBefore * DAY;
      const campaignTo = today + (DEMO_CAMPAIGN.daysAfter + 1) * DAY;
      const campaignId = await this.campaigns.insertForDemo(em, ws.id, {
        name: DEMO_CAMPAIGN.name,
        color: DEMO_CAMPAIGN.color,
        startsOn: localDay(campaignFrom + 12 * 3_600_000),
        endsOn: localDay(campaignTo - 12 * 3_600_000),
        goal: DEMO_CAMPAIGN.goal,
        goalTarget: DEMO_CAMPAIGN.goalTarget,
        goalUnit: DEMO_CAMPAIGN.goalUnit,
        ownerId: people[1]!.id,
        brief: DEMO_CAMPAIGN.brief,
        utm: DEMO_CAMPAIGN.utm,
        channelIds,
      });
      // Six weeks: three behind today, three ahead, one or two posts on most weekdays.
      const start = today - 21 * DAY;
      let n = 0;
      for (let day = 0; day < 42; day++) {
        const date = new Date(start + day * DAY);
        if (date.getUTCDay() === 0 || day % 5 === 3) continue;
        for (const hour of day % 3 === 0 ? [7, 15] : [9]) {
          const template = DEMO_POSTS[n % DEMO_POSTS.length]!;
          const plannedAt = new Date(date.getTime() + hour * 3_600_000);
          const inCampaign =
            n % 3 === 2 && plannedAt.getTime() >= campaignFrom && plannedAt.getTime() < campaignTo;
          const content: PostWrite = {
            title: template.title,
            text: inCampaign ? `${template.text}\n${DEMO_CAMPAIGN.link}` : template.text,
            plannedAt,
            tags: template.tags,
            // What gets approved ahead goes to the sandbox only: the demo's other channels are
            // not connected to any account, so publishing there could only fail.
            variants:
              plannedAt > now && n % 6 === 1
                ? [{ channelId: sandbox.id, text: null, media: null }]
                : [n, n + 2].map((i) => ({
                    channelId: channelIds[i % channelIds.length]!,
                    text: null,
                    media: null,
                  })),
            media: [],
            campaignId: inCampaign ? campaignId : null,
          };
          const authorId = people[1 + (n % 2)]!.id;
          const id = await this.posts.insert(em, {
            ...content,
            workspaceId: ws.id,
            authorId,
            // What is already past went out approved; what lies ahead is still being worked on.
            status: plannedAt < now ? 'draft' : n % 4 === 0 ? 'idea' : 'draft',
            contentHash: hashContent({
              ...content,
              campaign_utm: inCampaign ? DEMO_CAMPAIGN.utm : null,
              channel_platforms: platforms,
            }),
          });
          const row = (await this.posts.find(ws.id, id, em))!;
          await this.review.onCreated(em, ws.id, row, authorId);
          if (plannedAt > now && (n % 6 === 1 || n % 6 === 3)) {
            // Some of what lies ahead waits for review; a few are approved already.
            toReview.push({
              ws,
              postId: id,
              author: { id: authorId, role: DEMO_PEOPLE[1 + (n % 2)]!.role },
              approverId: n % 6 === 1 ? people[0]!.id : null,
            });
          }
          if (plannedAt < now) {
            await this.posts.setReviewState(
              em,
              id,
              {
                status: 'approved',
                reason: 'approved',
                approval: {
                  contentHash: row.content_hash,
                  at: new Date(plannedAt.getTime() - DAY).toISOString(),
                  kind: 'reviewed',
                  round: null,
                  approverIds: [people[0]!.id],
                },
              },
              false,
            );
          }
          n++;
        }
      }
      const sandboxContent: PostWrite = {
        title: DEMO_SANDBOX_POST.title,
        text: DEMO_SANDBOX_POST.text,
        plannedAt: new Date(now.getTime() + DEMO_SANDBOX_POST.minutesAfterStart * 60_000),
        tags: DEMO_SANDBOX_POST.tags,
        variants: [{ channelId: sandbox.id, text: null, media: null }],
        media: [],
        campaignId: null,
      };
      const sandboxPostId = await this.posts.insert(em, {
        ...sandboxContent,
        workspaceId: ws.id,
        authorId: people[1]!.id,
        status: 'draft',
        contentHash: hashContent(sandboxContent),
      });
      await this.review.onCreated(
        em,
        ws.id,
        (await this.posts.find(ws.id, sandboxPostId, em))!,
        people[1]!.id,
      );
      // Approved through the real transitions below, which plan its publication.
      toReview.push({
        ws,
        postId: sandboxPostId,
        author: { id: people[1]!.id, role: DEMO_PEOPLE[1]!.role },
        approverId: people[0]!.id,
      });
      for (const idea of DEMO_IDEAS) {
        const content: PostWrite = {
          title: idea.title,
          text: idea.text,
          plannedAt: null,
          tags: [],
          variants: [],
          media: [],
          campaignId: null,
        };
        const id = await this.posts.insert(em, {
          ...content,
          workspaceId: ws.id,
          authorId: people[2]!.id,
          status: 'idea',
          contentHash: hashContent(content),
        });
        await this.review.onCreated(
          em,
          ws.id,
          (await this.posts.find(ws.id, id, em))!,
          people[2]!.id,
        );
      }
      return true;
    });
    // Review goes through the real transitions (wording gate, rounds, audit, inbox), which run
    // in transactions of their own, so after the workspace exists.
    for (const r of toReview) await this.demoReview(r.ws, r.postId, r.author, r.approverId);
    if (contestSeed) {
      const seed: {
        people: { ownerId: string; editorId: string; authorId: string };
        sandboxChannelId: string;
      } = contestSeed;
      const ws = (await this.workspaces.listForUser(seed.people.ownerId)).find(
        (w) => w.slug === DEMO_WORKSPACE.slug,
      );
      // A finished giveaway with its certificate (see docs/contests.md).
      if (ws) await this.contests.seed(ws, seed.people, seed.sandboxChannelId);
    }
    return created;
  }

  /** Submits as the author and, when an approver is given, approves as them: real transitions. */
  private async demoReview(
    ws: { id: string; timeZone: string },
    postId: string,
    author: { id: string; role: Role },
    approverId: string | null,
  ): Promise<void> {
    const as = (userId: string, role: Role) => ({ userId, workspace: { ...ws, role } });
    try {
      await this.review.act(as(author.id, author.role), postId, 'submit', {});
      if (approverId) await this.review.act(as(approverId, 'owner'), postId, 'approve', {});
    } catch (e) {
      // A demo text the wording check refuses stays a draft; the demo is still complete.
      if (!(e instanceof AppError)) throw e;
    }
  }
}
