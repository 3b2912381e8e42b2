import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config/app-config';

const base = { DATABASE_URL: 'postgres://localhost/postplan' };
const load = (env: Record<string, string>) =>
  loadConfig({ ...base, ...env, POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });

function messageOf(env: Record<string, string>): string {
  try {
    load(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('SMTP configuration', () => {
  it('sends no e-mail without SMTP settings', () => {
    expect(load({}).smtp).toBeUndefined();
  });

  it('takes host settings, with port 587 and STARTTLS by default', () => {
    const smtp = load({
      POSTPLAN_SMTP_HOST: 'smtp.example.com',
      POSTPLAN_SMTP_USER: 'mailer',
      POSTPLAN_SMTP_PASSWORD: 'hunter22-secret',
      POSTPLAN_SMTP_FROM: 'Postplan <postplan@example.com>',
    }).smtp;
    expect(smtp).toEqual({
      transport: {
        host: 'smtp.example.com',
        port: 587,
        secure: false,
        user: 'mailer',
        password: 'hunter22-secret',
      },
      from: 'Postplan <postplan@example.com>',
      server: 'smtp.example.com:587',
    });
  });

  it('takes a URL, and shows only host and port for logs', () => {
    const smtp = load({
      POSTPLAN_SMTP_URL: 'smtps://mailer:hunter22-secret@smtp.example.com',
      POSTPLAN_SMTP_FROM: 'postplan@example.com',
    }).smtp;
    expect(smtp?.server).toBe('smtp.example.com:465');
  });

  it('names what is missing or contradictory, without echoing the password', () => {
    expect(messageOf({ POSTPLAN_SMTP_HOST: 'smtp.example.com' })).toMatch(
      /POSTPLAN_SMTP_FROM: is required/,
    );
    expect(
      messageOf({
        POSTPLAN_SMTP_URL: 'smtp://smtp.example.com',
        POSTPLAN_SMTP_HOST: 'smtp.example.com',
        POSTPLAN_SMTP_FROM: 'a@example.com',
      }),
    ).toMatch(/not both/);
    expect(
      messageOf({
        POSTPLAN_SMTP_HOST: 'smtp.example.com',
        POSTPLAN_SMTP_USER: 'mailer',
        POSTPLAN_SMTP_FROM: 'a@example.com',
      }),
    ).toMatch(/POSTPLAN_SMTP_USER and POSTPLAN_SMTP_PASSWORD: set both or neither/);
    const wrongUrl = messageOf({
      POSTPLAN_SMTP_URL: 'http://mailer:hunter22-secret@smtp.example.com',
      POSTPLAN_SMTP_FROM: 'a@example.com',
    });
    expect(wrongUrl).toMatch(/POSTPLAN_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(wrongUrl).not.toContain('hunter22-secret');
    expect(messageOf({ POSTPLAN_SMTP_FROM: 'a@example.com' })).toMatch(/POSTPLAN_SMTP_FROM/);
    expect(
      messageOf({ POSTPLAN_SMTP_HOST: 'smtp.example.com', POSTPLAN_SMTP_FROM: 'not an address' }),
    ).toMatch(/POSTPLAN_SMTP_FROM: must be an address/);
  });
});
