import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { hashPassword } from '../auth/passwords';
import { ChannelsRepository } from '../channels/channels.repository';
import { defaultChannelColor } from '../channels/channels.service';
import { PostsRepository } from '../posts/posts.repository';
import { UsersRepository } from '../users/users.repository';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { WorkspacesService } from '../workspaces/workspaces.service';
import {
  DEMO_CHANNELS,
  DEMO_IDEAS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_POSTS,
  DEMO_WORKSPACE,
} from './demo-content';

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
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly workspaceService: WorkspacesService,
    private readonly channels: ChannelsRepository,
    private readonly posts: PostsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const created = await this.seed(new Date());
    this.logger.log(
      `${created ? 'Created' : 'Found'} the demo workspace "${DEMO_WORKSPACE.name}"; log in as ${DEMO_PEOPLE[0]!.email} with the password ${DEMO_PASSWORD}`,
    );
  }

  async seed(now: Date): Promise<boolean> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.workspaces.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('postplan:demo'))`);
      if (await this.workspaces.slugExists(DEMO_WORKSPACE.slug, em)) return false;
      const people = [];
      for (const p of DEMO_PEOPLE) {
        people.push(
          (await this.users.findByEmail(p.email, em)) ??
            (await this.users.create(
              { email: p.email, name: p.name, passwordHash, locale: 'de' },
              em,
            )),
        );
      }
      const ws = await this.workspaceService.createWithOwner(DEMO_WORKSPACE, people[0]!.id, em);
      for (const [i, p] of DEMO_PEOPLE.entries()) {
        if (i > 0) await this.workspaces.addMember(ws.id, people[i]!.id, p.role, em);
      }
      const channelIds: string[] = [];
      for (const c of DEMO_CHANNELS) {
        const channel = await this.channels.create(
          {
            workspaceId: ws.id,
            name: c.name,
            platform: c.platform,
            color: defaultChannelColor(c.platform),
          },
          em,
        );
        channelIds.push(channel.id);
      }
      // Six weeks: three behind today, three ahead, one or two posts on most weekdays.
      const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 21 * DAY;
      let n = 0;
      for (let day = 0; day < 42; day++) {
        const date = new Date(start + day * DAY);
        if (date.getUTCDay() === 0 || day % 5 === 3) continue;
        for (const hour of day % 3 === 0 ? [7, 15] : [9]) {
          const template = DEMO_POSTS[n % DEMO_POSTS.length]!;
          await this.posts.insert(em, {
            workspaceId: ws.id,
            authorId: people[1 + (n % 2)]!.id,
            status: n % 4 === 0 ? 'idea' : 'draft',
            title: template.title,
            text: template.text,
            plannedAt: new Date(date.getTime() + hour * 3_600_000),
            tags: template.tags,
            variants: [n, n + 2].map((i) => ({
              channelId: channelIds[i % channelIds.length]!,
              text: null,
            })),
          });
          n++;
        }
      }
      for (const idea of DEMO_IDEAS) {
        await this.posts.insert(em, {
          workspaceId: ws.id,
          authorId: people[2]!.id,
          status: 'idea',
          title: idea.title,
          text: idea.text,
          plannedAt: null,
          tags: [],
          variants: [],
        });
      }
      return true;
    });
  }
}
