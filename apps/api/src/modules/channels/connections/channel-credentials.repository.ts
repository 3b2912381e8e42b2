import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';
import { type AccountChoice, type AccountChoicePlatform } from '@postplan/contracts';
import { type SealedCredentials } from './credential-cipher';

export type CredentialStatus = 'connected' | 'needs_reconnect' | 'revoked';
export type ChannelAlert = 'expiring' | 'needs_reconnect' | 'revoked';

export type CredentialRow = {
  channel_id: string;
  workspace_id: string;
  method: 'form' | 'oauth';
  key_version: number;
  iv: Buffer;
  auth_tag: Buffer;
  ciphertext: Buffer;
  status: CredentialStatus;
  account_name: string | null;
  access_expires_at: Date | null;
  expires_at: Date | null;
  connected_at: Date;
  verified_at: Date | null;
  refreshed_at: Date | null;
  last_error_code: string | null;
  last_error_message: string | null;
  alert: ChannelAlert | null;
};

/** What a connection records besides its secrets. */
export type ConnectionMeta = {
  method: 'form' | 'oauth';
  accountName: string | null;
  accessExpiresAt: Date | null;
  expiresAt: Date | null;
  verifiedAt: Date | null;
};

export const sealedOf = (r: CredentialRow): SealedCredentials => ({
  keyVersion: r.key_version,
  iv: r.iv,
  authTag: r.auth_tag,
  ciphertext: r.ciphertext,
});

/** channel_credentials, channel_oauth_states and channel_oauth_choices: SQL only. */
@Injectable()
export class ChannelCredentialsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async forChannels(channelIds: string[]): Promise<Map<string, CredentialRow>> {
    if (channelIds.length === 0) return new Map();
    const rows = await this.db.query<CredentialRow[]>(
      `SELECT * FROM channel_credentials WHERE channel_id = ANY($1::uuid[])`,
      [channelIds],
    );
    return new Map(rows.map((r) => [r.channel_id, r]));
  }

  async get(channelId: string, em?: EntityManager, lock = false): Promise<CredentialRow | null> {
    const rows = await (em ?? this.db).query<CredentialRow[]>(
      `SELECT * FROM channel_credentials WHERE channel_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [channelId],
    );
    return rows[0] ?? null;
  }

  /** Connects (or reconnects) a channel: one row per channel, replaced as a whole. */
  async upsert(
    em: EntityManager,
    row: {
      channelId: string;
      workspaceId: string;
      sealed: SealedCredentials;
      meta: ConnectionMeta;
      connectedAt: Date;
      connectedBy: string | null;
    },
  ): Promise<void> {
    const { sealed, meta } = row;
    await em.query(
      `INSERT INTO channel_credentials
         (channel_id, workspace_id, method, key_version, iv, auth_tag, ciphertext, status,
          account_name, access_expires_at, expires_at, connected_at, connected_by, verified_at,
          refreshed_at, last_error_code, last_error_message, alert, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'connected', $8, $9, $10, $11, $12, $13,
               NULL, NULL, NULL, NULL, $11)
       ON CONFLICT (channel_id) DO UPDATE SET
         method = EXCLUDED.method, key_version = EXCLUDED.key_version, iv = EXCLUDED.iv,
         auth_tag = EXCLUDED.auth_tag, ciphertext = EXCLUDED.ciphertext, status = 'connected',
         account_name = EXCLUDED.account_name, access_expires_at = EXCLUDED.access_expires_at,
         expires_at = EXCLUDED.expires_at, connected_at = EXCLUDED.connected_at,
         connected_by = EXCLUDED.connected_by, verified_at = EXCLUDED.verified_at,
         refreshed_at = NULL, last_error_code = NULL, last_error_message = NULL,
         alert = NULL, updated_at = EXCLUDED.updated_at`,
      [
        row.channelId,
        row.workspaceId,
        meta.method,
        sealed.keyVersion,
        sealed.iv,
        sealed.authTag,
        sealed.ciphertext,
        meta.accountName,
        meta.accessExpiresAt,
        meta.expiresAt,
        row.connectedAt,
        row.connectedBy,
        meta.verifiedAt,
      ],
    );
  }

  /** A refresh's new secrets (X hands out a new refresh token every time). */
  async storeRefreshed(
    em: EntityManager,
    channelId: string,
    sealed: SealedCredentials,
    accessExpiresAt: Date | null,
    expiresAt: Date | null,
    now: Date,
  ): Promise<void> {
    await em.query(
      `UPDATE channel_credentials
          SET key_version = $2, iv = $3, auth_tag = $4, ciphertext = $5, access_expires_at = $6,
              expires_at = $7, refreshed_at = $8, updated_at = $8, status = 'connected',
              last_error_code = NULL, last_error_message = NULL,
              alert = CASE WHEN alert = 'expiring' THEN alert END
        WHERE channel_id = $1`,
      [
        channelId,
        sealed.keyVersion,
        sealed.iv,
        sealed.authTag,
        sealed.ciphertext,
        accessExpiresAt,
        expiresAt,
        now,
      ],
    );
  }

  async markProblem(
    channelId: string,
    status: CredentialStatus,
    error: { code: string; message: string } | null,
    now: Date,
    em?: EntityManager,
  ): Promise<void> {
    await (em ?? this.db).query(
      `UPDATE channel_credentials
          SET status = $2, last_error_code = $3, last_error_message = $4, updated_at = $5
        WHERE channel_id = $1`,
      [channelId, status, error?.code ?? null, error?.message ?? null, now],
    );
  }

  async markVerified(channelId: string, accountName: string | null, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE channel_credentials
          SET status = 'connected', verified_at = $2, account_name = coalesce($3, account_name),
              last_error_code = NULL, last_error_message = NULL, updated_at = $2
        WHERE channel_id = $1`,
      [channelId, now, accountName],
    );
  }

  /** Sets the alert; true when it changed (only then are people told). */
  async setAlert(
    em: EntityManager,
    channelId: string,
    alert: ChannelAlert | null,
  ): Promise<boolean> {
    const [rows] = await em.query<[unknown[], number]>(
      `UPDATE channel_credentials SET alert = $2::text
        WHERE channel_id = $1 AND alert IS DISTINCT FROM $2::text RETURNING channel_id`,
      [channelId, alert],
    );
    return rows.length > 0;
  }

  /** Publications waiting on this channel that are due at or after `at`. */
  async plannedAfter(channelId: string, at: Date): Promise<number> {
    const rows = await this.db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM publications
        WHERE channel_id = $1 AND status = 'pending' AND due_at >= $2`,
      [channelId, at],
    );
    return Number(rows[0]!.n);
  }

  async pendingCount(channelId: string, em: EntityManager): Promise<number> {
    const rows = await em.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM publications WHERE channel_id = $1 AND status = 'pending'`,
      [channelId],
    );
    return Number(rows[0]!.n);
  }

  async remove(channelId: string, em?: EntityManager): Promise<void> {
    await (em ?? this.db).query(`DELETE FROM channel_credentials WHERE channel_id = $1`, [
      channelId,
    ]);
  }

  /** Every connected channel, for the daily check. */
  allConnected(): Promise<
    (CredentialRow & { platform: string; name: string; settings: Record<string, unknown> })[]
  > {
    return this.db.query(
      `SELECT cc.*, c.platform, c.name, c.settings FROM channel_credentials cc
         JOIN channels c ON c.id = cc.channel_id ORDER BY cc.channel_id`,
    );
  }

  // ---- OAuth states ----

  async saveState(row: {
    stateHash: Buffer;
    channelId: string;
    workspaceId: string;
    sessionId: string;
    userId: string;
    provider: string;
    keyVersion: number;
    sealedVerifier: Buffer;
    now: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.query(`DELETE FROM channel_oauth_states WHERE expires_at < $1`, [row.now]);
    await this.db.query(
      `INSERT INTO channel_oauth_states
         (state_hash, channel_id, workspace_id, session_id, user_id, provider, key_version,
          sealed_verifier, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        row.stateHash,
        row.channelId,
        row.workspaceId,
        row.sessionId,
        row.userId,
        row.provider,
        row.keyVersion,
        row.sealedVerifier,
        row.now,
        row.expiresAt,
      ],
    );
  }

  /**
   * Spends a state: the row is marked used in the same statement that reads it, so two
   * callbacks with one state cannot both get past this point.
   */
  async spendState(
    stateHash: Buffer,
    now: Date,
  ): Promise<{ outcome: 'spent'; row: OAuthStateRow } | { outcome: 'used' | 'unknown' }> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const [spent] = await this.db.query<[OAuthStateRow[], number]>(
      `UPDATE channel_oauth_states SET used_at = $2
        WHERE state_hash = $1 AND used_at IS NULL RETURNING *`,
      [stateHash, now],
    );
    if (spent[0]) return { outcome: 'spent', row: spent[0] };
    const seen = await this.db.query<{ n: number }[]>(
      `SELECT 1 AS n FROM channel_oauth_states WHERE state_hash = $1`,
      [stateHash],
    );
    return { outcome: seen.length ? 'used' : 'unknown' };
  }

  // ---- account choices ----

  /**
   * Wipes the sealed tokens of every choice past its end, and forgets choices spent or expired
   * for over a day. Runs before each new choice and with the daily check.
   */
  async sweepChoices(now: Date, em?: EntityManager): Promise<void> {
    const db = em ?? this.db;
    await db.query(
      `UPDATE channel_oauth_choices SET key_version = NULL, iv = NULL, auth_tag = NULL, ciphertext = NULL
        WHERE expires_at <= $1 AND ciphertext IS NOT NULL`,
      [now],
    );
    await db.query(`DELETE FROM channel_oauth_choices WHERE expires_at < $1`, [
      new Date(now.getTime() - SPENT_CHOICE_KEPT_MS),
    ]);
  }

  /** The channel's waiting choice; a new sign-in replaces whatever was there. */
  async saveChoice(row: {
    channelId: string;
    workspaceId: string;
    userId: string;
    platform: AccountChoicePlatform;
    sealed: SealedCredentials;
    accounts: AccountChoice[];
    now: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.transaction(async (em) => {
      await this.sweepChoices(row.now, em);
      await em.query(
        `INSERT INTO channel_oauth_choices
           (channel_id, workspace_id, user_id, platform, key_version, iv, auth_tag, ciphertext,
            accounts, created_at, expires_at, used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, NULL)
         ON CONFLICT (channel_id) DO UPDATE SET
           workspace_id = EXCLUDED.workspace_id, user_id = EXCLUDED.user_id,
           platform = EXCLUDED.platform, key_version = EXCLUDED.key_version, iv = EXCLUDED.iv,
           auth_tag = EXCLUDED.auth_tag, ciphertext = EXCLUDED.ciphertext,
           accounts = EXCLUDED.accounts, created_at = EXCLUDED.created_at,
           expires_at = EXCLUDED.expires_at, used_at = NULL`,
        [
          row.channelId,
          row.workspaceId,
          row.userId,
          row.platform,
          row.sealed.keyVersion,
          row.sealed.iv,
          row.sealed.authTag,
          row.sealed.ciphertext,
          JSON.stringify(row.accounts),
          row.now,
          row.expiresAt,
        ],
      );
    });
  }

  async getChoice(
    channelId: string,
    em?: EntityManager,
    lock = false,
  ): Promise<AccountChoiceRow | null> {
    const rows = await (em ?? this.db).query<AccountChoiceRow[]>(
      `SELECT * FROM channel_oauth_choices WHERE channel_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [channelId],
    );
    return rows[0] ?? null;
  }

  /** The pick is done: the tokens are wiped, the row only remembers that it was used. */
  async spendChoice(em: EntityManager, channelId: string, now: Date): Promise<void> {
    await em.query(
      `UPDATE channel_oauth_choices
          SET used_at = $2, key_version = NULL, iv = NULL, auth_tag = NULL, ciphertext = NULL
        WHERE channel_id = $1`,
      [channelId, now],
    );
  }

  async removeChoice(channelId: string): Promise<void> {
    await this.db.query(`DELETE FROM channel_oauth_choices WHERE channel_id = $1`, [channelId]);
  }
}

/** A sign-in waiting for the person to pick the page or account (sealed columns null once done). */
export type AccountChoiceRow = {
  channel_id: string;
  workspace_id: string;
  user_id: string;
  platform: AccountChoicePlatform;
  key_version: number | null;
  iv: Buffer | null;
  auth_tag: Buffer | null;
  ciphertext: Buffer | null;
  accounts: AccountChoice[];
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
};

/** How long a picked or expired choice is remembered (to tell a late pick why it failed). */
const SPENT_CHOICE_KEPT_MS = 24 * 3_600_000;

export type OAuthStateRow = {
  state_hash: Buffer;
  channel_id: string;
  workspace_id: string;
  session_id: string;
  user_id: string;
  provider: string;
  key_version: number;
  sealed_verifier: Buffer;
  created_at: Date;
  expires_at: Date;
};
