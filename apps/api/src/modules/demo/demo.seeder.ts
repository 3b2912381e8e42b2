import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { hashPassword } from '../auth/passwords';
import { defaultChannelColor } from '../channels/channels.service';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly workspaceService: WorkspacesService,
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
        const rows: { id: string }[] = await em.query(
          `INSERT INTO channels (workspace_id, name, platform, color) VALUES ($1, $2, $3, $4) RETURNING id`,
          [ws.id, c.name, c.platform, defaultChannelColor(c.platform)],
        );
        channelIds.push(rows[0]!.id);
      }
      // Six weeks: three behind today, three ahead, one or two posts on most weekdays.
      const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 21 * DAY;
      let n = 0;
      for (let day = 0; day < 42; day++) {
        const date = new Date(start + day * DAY);
        if (date.getUTCDay() === 0 || day % 5 === 3) continue;
        for (const hour of day % 3 === 0 ? [7, 15] : [9]) {
          const template = DEMO_POSTS[n % DEMO_POSTS.length]!;
          const author = people[1 + (n % 2)]!;
          const targets = [
            channelIds[n % channelIds.length]!,
            channelIds[(n + 2) % channelIds.length]!,
          ];
          const rows: { id: string }[] = await em.query(
            `INSERT INTO posts (workspace_id, status, title, text, planned_at, tags, author_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
            [
              ws.id,
              n % 4 === 0 ? 'idea' : 'draft',
              template.title,
              template.text,
              new Date(date.getTime() + hour * 3_600_000),
              template.tags,
              author.id,
            ],
          );
          for (const [position, channelId] of targets.entries()) {
            await em.query(
              `INSERT INTO post_variants (post_id, channel_id, position, text) VALUES ($1, $2, $3, NULL)`,
              [rows[0]!.id, channelId, position],
            );
          }
          n++;
        }
      }
      for (const idea of DEMO_IDEAS) {
        await em.query(
          `INSERT INTO posts (workspace_id, status, title, text, author_id) VALUES ($1, 'idea', $2, $3, $4)`,
          [ws.id, idea.title, idea.text, people[2]!.id],
        );
      }
      return true;
    });
  }
}
