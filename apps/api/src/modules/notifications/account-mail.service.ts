import { Inject, Injectable } from '@nestjs/common';
import { type Locale } from '@postplan/contracts';
import { type EntityManager } from 'typeorm';
import { seal } from '../../common/auth/secrets';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type AccountMailKind } from './account-mail';
import { AccountEmailsRepository } from './account-emails.repository';

export const LINK_SEAL = 'account-mail-link';

/**
 * Queues account e-mail inside the caller's transaction, like notifications: a rolled-back
 * invitation sends nothing. The link (it carries a live token) is stored sealed with the server
 * key and deleted once the mail is out.
 */
@Injectable()
export class AccountMailService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AccountEmailsRepository,
  ) {}

  get emailAvailable(): boolean {
    return this.config.smtp !== undefined;
  }

  /** The address people open Postplan at; links in mail and the ones shown to inviters use it. */
  get publicUrl(): string {
    return (this.config.publicUrl ?? `http://${this.config.host}:${this.config.port}`).replace(
      /\/+$/,
      '',
    );
  }

  async queue(
    em: EntityManager,
    mail: {
      kind: AccountMailKind;
      to: string;
      locale: Locale;
      link: string | null;
      data: Record<string, unknown>;
      /** Set when nothing may be sent (an unknown address): the row is written all the same. */
      skipReason?: string;
    },
  ): Promise<void> {
    const skipReason =
      mail.skipReason ?? (this.config.smtp === undefined ? 'smtp_not_configured' : null);
    await this.repo.insert(em, {
      kind: mail.kind,
      toAddress: mail.to,
      locale: mail.locale,
      data: mail.data,
      secret: mail.link ? seal(this.config.secretKey, LINK_SEAL, mail.link) : null,
      skipReason,
    });
  }
}
