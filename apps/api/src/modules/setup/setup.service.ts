import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type MeResponse, type SetupRequestSchema } from '@postplan/contracts';
import { type z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type NewSession, AuthService } from '../auth/auth.service';
import { assertStrongPassword } from '../auth/password-strength';
import { hashPassword } from '../auth/passwords';
import { Transactions } from '../../database/transactions';
import { UsersService } from '../users/users.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { alreadyDone } from './setup.errors';
import { Clock } from '../../common/clock/clock';

type FirstOwner = z.output<typeof SetupRequestSchema>;

/**
 * An empty database gets its first owner and workspace exactly once: from the environment at
 * start, or from the first-run page in the browser. An advisory lock makes two simultaneous
 * attempts (two browsers, or two processes starting) end with one owner, not two.
 */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SetupService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly transactions: Transactions,
    private readonly workspaceService: WorkspacesService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin || !(await this.isNeeded())) return;
    const created = await this.createFirstOwner({
      email: admin.email,
      name: admin.name,
      password: admin.password,
      workspaceName: admin.workspaceName,
      timeZone: this.config.defaultTimeZone,
      locale: 'de',
    });
    if (created) this.logger.log('Created the first owner and workspace from POSTPLAN_ADMIN_EMAIL');
  }

  async isNeeded(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  async setUp(
    input: FirstOwner,
    client: { ip: string; userAgent: string | null },
  ): Promise<{ session: NewSession; me: MeResponse }> {
    if (!(await this.isNeeded())) throw alreadyDone();
    // The first owner holds every key of the server: the same rule as every other password.
    assertStrongPassword(input.password, [input.email, input.name, input.workspaceName]);
    const userId = await this.createFirstOwner(input);
    if (!userId) throw alreadyDone();
    return {
      session: await this.auth.startSession(userId, client),
      me: await this.auth.me(userId),
    };
  }

  /** The new owner's id, or null when someone else was first. */
  private async createFirstOwner(input: FirstOwner): Promise<string | null> {
    // Hashing is the expensive part: not for a database that has its owner already.
    if (!(await this.isNeeded())) return null;
    const passwordHash = await hashPassword(input.password);
    return this.transactions.run(async (em) => {
      await this.transactions.serialise(em, 'postplan:first-owner');
      if ((await this.users.count(em)) > 0) return null;
      const user = await this.users.create(
        {
          email: input.email,
          name: input.name,
          passwordHash,
          locale: input.locale,
          // The operator who sets the server up vouches for the first owner's address.
          emailVerifiedAt: this.clock.now(),
        },
        em,
      );
      await this.workspaceService.createWithOwner(
        {
          name: input.workspaceName,
          slug: input.workspaceSlug,
          timeZone: input.timeZone,
          locale: input.locale,
        },
        user.id,
        em,
      );
      return user.id;
    });
  }
}
