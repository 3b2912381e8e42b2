import {
  MAX_MAIL_ATTEMPTS,
  describeMailError,
  isPermanentMailError,
  retryDelayMs,
} from './mail-retry';

describe('mail retries', () => {
  it('waits longer after each failure, up to six hours', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(120_000);
    expect(retryDelayMs(3)).toBe(480_000);
    expect(retryDelayMs(MAX_MAIL_ATTEMPTS)).toBe(6 * 3_600_000);
  });

  it('gives up at once only when the server refused this very message', () => {
    expect(isPermanentMailError({ responseCode: 550, permanent: true })).toBe(true);
    expect(isPermanentMailError({ responseCode: 451, permanent: false })).toBe(false);
    expect(isPermanentMailError({ code: 'ECONNECTION' })).toBe(false);
    expect(isPermanentMailError({ code: 'EAUTH', responseCode: 535, permanent: true })).toBe(false);
    expect(isPermanentMailError({ responseCode: 554 })).toBe(true);
  });

  it('never keeps a password in the stored error', () => {
    const text = describeMailError(
      {
        code: 'EAUTH',
        message: 'Invalid login for smtp://mailer:hunter22@smtp.example.com: hunter22 rejected',
      },
      ['hunter22'],
    );
    expect(text).not.toContain('hunter22');
    expect(text).toContain('EAUTH');
  });
});
