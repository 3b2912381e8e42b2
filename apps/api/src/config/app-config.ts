import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { isValidTimeZone } from '@postplan/domain';
import {
  type WebhookAllowList,
  WebhookAllowListError,
  parseWebhookAllowList,
} from '@postplan/platforms';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The checkout (or image) root: the nearest folder up whose package.json is Postplan's. */
function findRepoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && /"name":\s*"postplan"/.test(readFileSync(manifest, 'utf8')))
      return dir;
  }
  return process.cwd();
}

export const repoRoot = findRepoRoot(__dirname);

/** A 32-byte key written as base64 (44 characters) or hex (64 characters); null otherwise. */
export function decodeKey(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) return null;
  const key = Buffer.from(v, 'base64');
  return key.length === 32 ? key : null;
}

/** The OAuth platforms whose apps an operator registers (docs/platforms.md). */
export const OAUTH_PROVIDERS = ['x', 'linkedin', 'meta', 'threads', 'pinterest'] as const;
export type OAuthProviderId = (typeof OAUTH_PROVIDERS)[number];

/**
 * POSTPLAN_<P>_CLIENT_ID and _CLIENT_SECRET of the app registered at the platform, and the
 * endpoints (the platforms' own by default; tests point them at a fake).
 */
function oauthClientEnv<P extends string>(p: P) {
  const id = z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be the client id the platform shows, without spaces')
    .optional();
  const secret = z
    .string()
    .regex(/^[\x21-\x7e]{1,500}$/, 'must be the client secret, without spaces')
    .optional();
  return {
    [`POSTPLAN_${p}_CLIENT_ID`]: id,
    [`POSTPLAN_${p}_CLIENT_SECRET`]: secret,
    [`POSTPLAN_${p}_AUTHORIZE_URL`]: z.url({ protocol: /^https?$/ }).optional(),
    [`POSTPLAN_${p}_TOKEN_URL`]: z.url({ protocol: /^https?$/ }).optional(),
  } as Record<`POSTPLAN_${P}_CLIENT_ID` | `POSTPLAN_${P}_CLIENT_SECRET`, typeof id> &
    Record<`POSTPLAN_${P}_AUTHORIZE_URL` | `POSTPLAN_${P}_TOKEN_URL`, z.ZodOptional<z.ZodURL>>;
}

const SMTP_FROM = /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

/**
 * Every variable Postplan reads, in one place. The README's configuration table mirrors this
 * schema; a value that does not fit stops the process with the variable's name.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  POSTPLAN_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  /** Browser journeys only: lets a loopback request set the app's clock (docs/testing.md). */
  POSTPLAN_TEST_CLOCK: bool.default(false),
  POSTPLAN_DATA_DIR: z.string().min(1).optional(),
  POSTPLAN_SECRET_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== null, 'must be 32 bytes, base64- or hex-encoded')
    .optional(),
  /** The number stored with everything encrypted under POSTPLAN_SECRET_KEY (docs/security.md). */
  POSTPLAN_SECRET_KEY_VERSION: z.coerce.number().int().min(1).max(1_000_000).default(1),
  /** Earlier keys, still read until `npm run rotate-secrets` has re-encrypted everything. */
  POSTPLAN_SECRET_KEYS_PREVIOUS: z
    .string()
    .optional()
    .transform((value, ctx): { version: number; key: Buffer }[] => {
      const keys: { version: number; key: Buffer }[] = [];
      for (const [i, entry] of (value ?? '').split(',').entries()) {
        if (entry.trim() === '') continue;
        const m = /^\s*(\d{1,7}):(\S+)\s*$/.exec(entry);
        const key = m ? decodeKey(m[2]!) : null;
        if (!m || !key) {
          ctx.addIssue({
            code: 'custom',
            message: `entry ${i + 1} must be VERSION:KEY (a number, then 32 bytes in base64 or hex)`,
          });
          return z.NEVER;
        }
        keys.push({ version: Number(m[1]), key });
      }
      return keys;
    }),
  POSTPLAN_PUBLIC_URL: z.url().optional(),
  POSTPLAN_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  POSTPLAN_ADMIN_EMAIL: z.email().optional(),
  POSTPLAN_ADMIN_PASSWORD: z.string().min(10, 'must have at least 10 characters').optional(),
  POSTPLAN_ADMIN_NAME: z.string().min(1).default('Admin'),
  POSTPLAN_WORKSPACE_NAME: z.string().min(1).default('Postplan'),
  POSTPLAN_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin')
    .default('Europe/Berlin'),
  POSTPLAN_DEMO: bool.default(false),
  POSTPLAN_MIGRATE_ON_START: bool.default(true),
  POSTPLAN_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  POSTPLAN_WEB_DIST: z.string().optional(),
  CHROMIUM_PATH: z.string().min(1).optional(),
  POSTPLAN_CALENDAR_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  POSTPLAN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  POSTPLAN_SMTP_HOST: z.string().min(1).optional(),
  POSTPLAN_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  POSTPLAN_SMTP_SECURE: bool.optional(),
  POSTPLAN_SMTP_USER: z.string().min(1).optional(),
  POSTPLAN_SMTP_PASSWORD: z.string().min(1).optional(),
  POSTPLAN_SMTP_FROM: z
    .string()
    .regex(SMTP_FROM, 'must be an address such as "Postplan <postplan@example.com>"')
    .optional(),
  POSTPLAN_SANDBOX_URL: z.url().optional(),
  POSTPLAN_PUBLISH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(128),
  POSTPLAN_PUBLISH_BATCH: z.coerce.number().int().min(1).max(1000).default(100),
  POSTPLAN_PUBLISH_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  POSTPLAN_PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(30_000),
  ...oauthClientEnv('X'),
  ...oauthClientEnv('LINKEDIN'),
  /** LinkedIn's REST API, where a sign-in for a company page lists the pages (tests: a fake). */
  POSTPLAN_LINKEDIN_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  ...oauthClientEnv('META'),
  ...oauthClientEnv('THREADS'),
  ...oauthClientEnv('PINTEREST'),
  POSTPLAN_WEBHOOK_ALLOW: z
    .string()
    .optional()
    .transform((value, ctx): WebhookAllowList => {
      try {
        return parseWebhookAllowList(value);
      } catch (e) {
        if (!(e instanceof WebhookAllowListError)) throw e;
        ctx.addIssue({ code: 'custom', message: e.detail });
        return z.NEVER;
      }
    }),
  POSTPLAN_MEDIA_MAX_IMAGE_MB: z.coerce.number().min(1).max(1024).default(30),
  POSTPLAN_MEDIA_MAX_VIDEO_MB: z.coerce.number().min(1).max(10_240).default(100),
  POSTPLAN_MEDIA_MAX_PIXELS: z.coerce
    .number()
    .int()
    .min(1_000_000)
    .max(1_000_000_000)
    .default(100_000_000),
  FFPROBE_PATH: z.string().min(1).default('/usr/bin/ffprobe'),
  FFMPEG_PATH: z.string().min(1).default('/usr/bin/ffmpeg'),
  POSTPLAN_S3_ENDPOINT: z.url().optional(),
  POSTPLAN_S3_BUCKET: z.string().min(3).max(63).optional(),
  POSTPLAN_S3_REGION: z.string().min(1).default('us-east-1'),
  POSTPLAN_S3_ACCESS_KEY: z.string().min(1).optional(),
  POSTPLAN_S3_SECRET_KEY: z.string().min(1).optional(),
  POSTPLAN_S3_FORCE_PATH_STYLE: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  role: 'all' | 'api' | 'worker';
  /** The clock can be set through /api/test/clock (never in production). */
  testClock: boolean;
  dataDir: string;
  /** The current key: signs cookies, seals links, encrypts channel credentials. */
  secretKey: Buffer;
  /** Every key that can still decrypt, the current one first (docs/security.md). */
  secretKeys: { current: number; keys: Map<number, Buffer> };
  /** Client ids and secrets of the OAuth apps; a platform without one is "not configured". */
  oauthClients: Partial<Record<OAuthProviderId, OAuthClientConfig>>;
  publicUrl: string | undefined;
  trustProxy: number;
  admin: { email: string; password: string; name: string; workspaceName: string } | undefined;
  defaultTimeZone: string;
  demo: boolean;
  migrateOnStart: boolean;
  sessionTtlMs: number;
  webDist: string;
  /** Debian's chromium, for PDF exports; missing: PDF downloads answer PDF_RENDERER_UNAVAILABLE. */
  chromiumPath: string;
  calendarCacheBytes: number;
  /** Where notification e-mail goes out; undefined: no e-mail is sent. */
  smtp: SmtpConfig | undefined;
  /**
   * Webhook receivers allowed beyond the public internet (self-hosted ones on loopback or a
   * private network); empty: none. See docs/webhooks.md.
   */
  webhookAllow: WebhookAllowList;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  publishing: PublishingConfig;
  media: MediaConfig;
};

/** The media library (docs/media.md): where files live, how large they may be, the probes. */
export type MediaConfig = {
  /** Local files and the upload's temporary files: POSTPLAN_DATA_DIR/media. */
  dir: string;
  maxImageBytes: number;
  maxVideoBytes: number;
  /** Images with more pixels are refused before they are decoded (decompression bombs). */
  maxPixels: number;
  ffprobePath: string;
  ffmpegPath: string;
  /** Set: files go to this S3-compatible bucket instead of `dir` (temporary files stay local). */
  s3:
    | {
        endpoint: string | undefined;
        bucket: string;
        region: string;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
        forcePathStyle: boolean;
      }
    | undefined;
};

export type OAuthClientConfig = {
  clientId: string;
  clientSecret: string | undefined;
  authorizeUrl: string | undefined;
  tokenUrl: string | undefined;
  /** LinkedIn only: its REST API (organisation lookups after the sign-in). */
  apiUrl?: string | undefined;
};

/** The publishing engine's knobs (docs/publishing.md). */
export type PublishingConfig = {
  /** Where the sandbox adapter posts; default: this server's own built-in sandbox. */
  sandboxUrl: string;
  /** Calls in flight per worker process. */
  concurrency: number;
  /** Rows claimed per statement. */
  batchSize: number;
  leaseMs: number;
  /** One adapter call gives up after this long (its outcome is then unknown). */
  callTimeoutMs: number;
};

/** SMTP settings. The credentials are never logged; `server` is what log lines may show. */
export type SmtpConfig = {
  transport:
    | { url: string }
    | { host: string; port: number; secure: boolean; user?: string; password?: string };
  from: string;
  server: string;
};

export class ConfigError extends Error {}

const configError = (line: string) =>
  new ConfigError(`Postplan cannot start; fix these environment variables:\n  ${line}`);

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      const shown =
        i.code === 'invalid_type' && env[name] === undefined ? 'is required' : i.message;
      return `  ${name}: ${shown}`;
    });
    throw new ConfigError(
      `Postplan cannot start; fix these environment variables:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  if (Boolean(e.POSTPLAN_ADMIN_EMAIL) !== Boolean(e.POSTPLAN_ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Postplan cannot start; fix these environment variables:\n  POSTPLAN_ADMIN_EMAIL and POSTPLAN_ADMIN_PASSWORD: set both or neither',
    );
  }
  if (e.POSTPLAN_TEST_CLOCK && e.NODE_ENV === 'production') {
    throw configError(
      'POSTPLAN_TEST_CLOCK: a settable clock is for browser tests; it cannot be on with NODE_ENV=production',
    );
  }
  const dataDir = resolve(e.POSTPLAN_DATA_DIR ?? join(repoRoot, '.data'));
  if (Boolean(e.POSTPLAN_S3_ACCESS_KEY) !== Boolean(e.POSTPLAN_S3_SECRET_KEY)) {
    throw configError('POSTPLAN_S3_ACCESS_KEY and POSTPLAN_S3_SECRET_KEY: set both or neither');
  }
  if (!e.POSTPLAN_S3_BUCKET && (e.POSTPLAN_S3_ENDPOINT || e.POSTPLAN_S3_ACCESS_KEY)) {
    throw configError('POSTPLAN_S3_BUCKET: is required when other POSTPLAN_S3_ settings are set');
  }
  const secretKey = e.POSTPLAN_SECRET_KEY
    ? decodeKey(e.POSTPLAN_SECRET_KEY)!
    : readOrCreateKeyFile(join(dataDir, 'secret.key'));
  const keys = new Map<number, Buffer>([[e.POSTPLAN_SECRET_KEY_VERSION, secretKey]]);
  for (const previous of e.POSTPLAN_SECRET_KEYS_PREVIOUS) {
    if (keys.has(previous.version)) {
      throw configError(
        `POSTPLAN_SECRET_KEYS_PREVIOUS: version ${previous.version} is used twice (POSTPLAN_SECRET_KEY_VERSION is ${e.POSTPLAN_SECRET_KEY_VERSION})`,
      );
    }
    keys.set(previous.version, previous.key);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    role: e.POSTPLAN_ROLE,
    testClock: e.POSTPLAN_TEST_CLOCK,
    dataDir,
    secretKey,
    secretKeys: { current: e.POSTPLAN_SECRET_KEY_VERSION, keys },
    oauthClients: oauthClients(e),
    publicUrl: e.POSTPLAN_PUBLIC_URL,
    trustProxy: e.POSTPLAN_TRUST_PROXY,
    admin:
      e.POSTPLAN_ADMIN_EMAIL && e.POSTPLAN_ADMIN_PASSWORD
        ? {
            email: e.POSTPLAN_ADMIN_EMAIL.toLowerCase(),
            password: e.POSTPLAN_ADMIN_PASSWORD,
            name: e.POSTPLAN_ADMIN_NAME,
            workspaceName: e.POSTPLAN_WORKSPACE_NAME,
          }
        : undefined,
    defaultTimeZone: e.POSTPLAN_TIME_ZONE,
    demo: e.POSTPLAN_DEMO,
    migrateOnStart: e.POSTPLAN_MIGRATE_ON_START,
    sessionTtlMs: e.POSTPLAN_SESSION_TTL_HOURS * 3_600_000,
    webDist: resolve(e.POSTPLAN_WEB_DIST ?? join(repoRoot, 'dist', 'web')),
    chromiumPath: e.CHROMIUM_PATH ?? '/usr/bin/chromium',
    calendarCacheBytes: e.POSTPLAN_CALENDAR_CACHE_MB * 1024 * 1024,
    smtp: smtpConfig(e),
    webhookAllow: e.POSTPLAN_WEBHOOK_ALLOW,
    logLevel: e.LOG_LEVEL,
    publishing: {
      sandboxUrl: (
        e.POSTPLAN_SANDBOX_URL ??
        `http://${e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST}:${e.PORT}/api/sandbox`
      ).replace(/\/+$/, ''),
      concurrency: e.POSTPLAN_PUBLISH_CONCURRENCY,
      batchSize: e.POSTPLAN_PUBLISH_BATCH,
      leaseMs: e.POSTPLAN_PUBLISH_LEASE_SECONDS * 1000,
      callTimeoutMs: e.POSTPLAN_PUBLISH_TIMEOUT_MS,
    },
    media: {
      dir: join(dataDir, 'media'),
      maxImageBytes: Math.round(e.POSTPLAN_MEDIA_MAX_IMAGE_MB * 1024 * 1024),
      maxVideoBytes: Math.round(e.POSTPLAN_MEDIA_MAX_VIDEO_MB * 1024 * 1024),
      maxPixels: e.POSTPLAN_MEDIA_MAX_PIXELS,
      ffprobePath: e.FFPROBE_PATH,
      ffmpegPath: e.FFMPEG_PATH,
      s3: e.POSTPLAN_S3_BUCKET
        ? {
            endpoint: e.POSTPLAN_S3_ENDPOINT,
            bucket: e.POSTPLAN_S3_BUCKET,
            region: e.POSTPLAN_S3_REGION,
            accessKeyId: e.POSTPLAN_S3_ACCESS_KEY,
            secretAccessKey: e.POSTPLAN_S3_SECRET_KEY,
            forcePathStyle: e.POSTPLAN_S3_FORCE_PATH_STYLE,
          }
        : undefined,
    },
  };
}

function oauthClients(e: z.infer<typeof EnvSchema>): AppConfig['oauthClients'] {
  const out: AppConfig['oauthClients'] = {};
  const env = e as unknown as Record<string, string | undefined>;
  for (const p of OAUTH_PROVIDERS) {
    const name = `POSTPLAN_${p.toUpperCase()}`;
    const clientId = env[`${name}_CLIENT_ID`];
    const clientSecret = env[`${name}_CLIENT_SECRET`];
    if (!clientId) {
      if (clientSecret)
        throw configError(`${name}_CLIENT_ID: is required when ${name}_CLIENT_SECRET is set`);
      continue;
    }
    // Only X lets a public client (PKCE alone) in; the others insist on the secret.
    if (!clientSecret && p !== 'x') {
      throw configError(`${name}_CLIENT_SECRET: is required when ${name}_CLIENT_ID is set`);
    }
    out[p] = {
      clientId,
      clientSecret,
      authorizeUrl: env[`${name}_AUTHORIZE_URL`],
      tokenUrl: env[`${name}_TOKEN_URL`],
      ...(p === 'linkedin' ? { apiUrl: e.POSTPLAN_LINKEDIN_API_URL } : {}),
    };
  }
  return out;
}

/** SMTP by URL or by host; either needs a sender address. No SMTP at all is fine: no e-mail. */
function smtpConfig(e: z.infer<typeof EnvSchema>): SmtpConfig | undefined {
  const byHost = [
    e.POSTPLAN_SMTP_HOST,
    e.POSTPLAN_SMTP_PORT,
    e.POSTPLAN_SMTP_SECURE,
    e.POSTPLAN_SMTP_USER,
    e.POSTPLAN_SMTP_PASSWORD,
  ].some((v) => v !== undefined);
  if (!e.POSTPLAN_SMTP_URL && !byHost) {
    if (e.POSTPLAN_SMTP_FROM) {
      throw configError('POSTPLAN_SMTP_FROM: set POSTPLAN_SMTP_URL or POSTPLAN_SMTP_HOST too');
    }
    return undefined;
  }
  if (e.POSTPLAN_SMTP_URL && byHost) {
    throw configError(
      'POSTPLAN_SMTP_URL: set either the URL or POSTPLAN_SMTP_HOST/PORT/SECURE/USER/PASSWORD, not both',
    );
  }
  if (!e.POSTPLAN_SMTP_FROM) {
    throw configError('POSTPLAN_SMTP_FROM: is required when SMTP is configured');
  }
  if (e.POSTPLAN_SMTP_URL) {
    let url: URL;
    try {
      url = new URL(e.POSTPLAN_SMTP_URL);
    } catch {
      throw configError('POSTPLAN_SMTP_URL: must be an smtp:// or smtps:// URL');
    }
    return {
      transport: { url: e.POSTPLAN_SMTP_URL },
      from: e.POSTPLAN_SMTP_FROM,
      server: `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`,
    };
  }
  if (!e.POSTPLAN_SMTP_HOST) {
    throw configError('POSTPLAN_SMTP_HOST: is required when other POSTPLAN_SMTP_ settings are set');
  }
  if (Boolean(e.POSTPLAN_SMTP_USER) !== Boolean(e.POSTPLAN_SMTP_PASSWORD)) {
    throw configError('POSTPLAN_SMTP_USER and POSTPLAN_SMTP_PASSWORD: set both or neither');
  }
  const port = e.POSTPLAN_SMTP_PORT ?? (e.POSTPLAN_SMTP_SECURE ? 465 : 587);
  return {
    transport: {
      host: e.POSTPLAN_SMTP_HOST,
      port,
      secure: e.POSTPLAN_SMTP_SECURE ?? port === 465,
      user: e.POSTPLAN_SMTP_USER,
      password: e.POSTPLAN_SMTP_PASSWORD,
    },
    from: e.POSTPLAN_SMTP_FROM,
    server: `${e.POSTPLAN_SMTP_HOST}:${port}`,
  };
}

/** Without POSTPLAN_SECRET_KEY, a key is generated once and kept beside the embedded data. */
function readOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) {
    const key = decodeKey(readFileSync(path, 'utf8')) ?? Buffer.alloc(0);
    if (key.length !== 32)
      throw new ConfigError(`The key file ${path} is not a 32-byte base64 key`);
    return key;
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process created it a moment ago: theirs is the key.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readOrCreateKeyFile(path);
}
