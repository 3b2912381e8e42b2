import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig, type SmtpConfig } from '../../config/app-config';
import {
  MAX_MAIL_ATTEMPTS,
  describeMailError,
  isPermanentMailError,
  retryDelayMs,
} from './mail-retry';
import { actorLabel, renderNotificationMail } from './notification-mail';
import {
  type ClaimedEmail,
  type EmailOutcome,
  NotificationsRepository,
} from './notifications.repository';
import { Clock } from '../../common/clock/clock';

const BATCH = 5;
// Longer than a batch can take with the timeouts below, so a live sender never loses its claim.
const LEASE_MS = 5 * 60_000;
const MAX_PER_RUN = 200;

export type DispatchResult = { sent: number; retried: number; failed: number; skipped: number };

/**
 * Sends notification e-mail after the transaction that wrote it has committed: the outbox rows
 * become visible only then. Any number of processes may run this; each claims rows with
 * FOR UPDATE SKIP LOCKED, so an e-mail is never sent by two of them.
 */
@Injectable()
export class NotificationMailer implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationMailer');
  private transport: Transporter | undefined;
  private readonly smtp: SmtpConfig | undefined;
  private readonly publicUrl: string;
  private readonly secrets: string[];
  private queue: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: NotificationsRepository,
    private readonly clock: Clock,
  ) {
    this.smtp = config.smtp;
    this.publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
    this.secrets = secretsOf(config.smtp);
  }

  /** Whether this process sends e-mail: SMTP is configured and it is not an API-only process. */
  get enabled(): boolean {
    return this.smtp !== undefined && this.config.role !== 'api';
  }

  @Interval('notification-mail', 5_000)
  async tick(): Promise<void> {
    // A slow server must not pile runs up: the next tick simply finds the rows still due.
    if (!this.enabled || this.busy) return;
    try {
      await this.dispatchDue();
    } catch (e) {
      this.logger.error(
        `Sending notification e-mail failed: ${describeMailError(e, this.secrets)}`,
      );
    }
  }

  /** Sends every e-mail that is due now; runs in this process one after another. */
  dispatchDue(): Promise<DispatchResult> {
    const run = this.queue.then(() => this.runOnce());
    this.queue = run.catch(() => undefined);
    return run;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private async runOnce(): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    if (!this.smtp) return result;
    this.busy = true;
    try {
      for (let handled = 0; handled < MAX_PER_RUN;) {
        const batch = await this.repo.claimDue(BATCH, LEASE_MS);
        if (batch.length === 0) break;
        for (const mail of batch) {
          const outcome = await this.send(mail);
          await this.repo.settle(mail.notification_id, outcome);
          if (outcome.status === 'sent') result.sent++;
          else if (outcome.status === 'retry') result.retried++;
          else if (outcome.status === 'failed') result.failed++;
          else result.skipped++;
          handled++;
        }
      }
    } finally {
      this.busy = false;
    }
    return result;
  }

  private async send(mail: ClaimedEmail): Promise<EmailOutcome> {
    if (!mail.still_member) return { status: 'skipped', reason: 'not_a_member' };
    const rendered = renderNotificationMail({
      kind: mail.kind,
      locale: mail.locale,
      workspaceName: mail.workspace_name,
      workspaceSlug: mail.workspace_slug,
      postId: mail.post_id,
      postTitle: mail.post_title,
      actor: actorLabel(mail.actor, mail.actor_name, mail.locale),
      data: mail.data,
      publicUrl: this.publicUrl,
    });
    try {
      await this.transporter().sendMail({
        from: this.smtp!.from,
        to: { name: mail.to_name, address: mail.to_address },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
      this.logger.log(`Notification e-mail ${mail.notification_id} (${mail.kind}) sent`);
      return { status: 'sent' };
    } catch (e) {
      const error = describeMailError(e, this.secrets);
      if (isPermanentMailError(e) || mail.attempts >= MAX_MAIL_ATTEMPTS) {
        this.logger.warn(
          `Notification e-mail ${mail.notification_id} failed for good after ${mail.attempts} attempt(s): ${error}`,
        );
        return { status: 'failed', error };
      }
      const at = new Date(this.clock.nowMs() + retryDelayMs(mail.attempts));
      this.logger.warn(
        `Notification e-mail ${mail.notification_id} failed (attempt ${mail.attempts}), next try ${at.toISOString()}: ${error}`,
      );
      return { status: 'retry', at, error };
    }
  }

  private transporter(): Transporter {
    if (!this.transport) {
      const t = this.smtp!.transport;
      const timeouts = {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      };
      this.transport =
        'url' in t
          ? createTransport({ url: t.url, ...timeouts })
          : createTransport({
              host: t.host,
              port: t.port,
              secure: t.secure,
              auth: t.user ? { user: t.user, pass: t.password } : undefined,
              ...timeouts,
            });
      this.logger.log(`Sending notification e-mail through ${this.smtp!.server}`);
    }
    return this.transport;
  }
}

function secretsOf(smtp: SmtpConfig | undefined): string[] {
  if (!smtp) return [];
  const t = smtp.transport;
  if (!('url' in t)) return t.password ? [t.password] : [];
  try {
    const password = new URL(t.url).password;
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}
