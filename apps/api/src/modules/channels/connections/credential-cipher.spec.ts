import { randomBytes } from 'node:crypto';
import { CredentialCipher, CredentialKeyMissingError } from './credential-cipher';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const CHANNEL = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const secrets = { botToken: '123456:AAE-secret-token-value' };

describe('channel credentials encryption', () => {
  const v1 = new CredentialCipher({ current: 1, keys: new Map([[1, k1]]) });

  it('opens what it sealed, and each seal has its own IV', () => {
    const a = v1.seal(CHANNEL, secrets);
    const b = v1.seal(CHANNEL, secrets);
    expect(a.keyVersion).toBe(1);
    expect(a.iv).toHaveLength(12);
    expect(a.authTag).toHaveLength(16);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.toString('latin1')).not.toContain('secret-token');
    expect(v1.open(CHANNEL, a)).toEqual(secrets);
  });

  it('refuses a ciphertext that was altered, or moved to another channel', () => {
    const sealed = v1.seal(CHANNEL, secrets);
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] = flipped[0]! ^ 1;
    expect(() => v1.open(CHANNEL, { ...sealed, ciphertext: flipped })).toThrow();
    expect(() => v1.open(OTHER, sealed)).toThrow();
  });

  it('reads old versions with the previous key and writes only under the current one', () => {
    const old = v1.seal(CHANNEL, secrets);
    const v2 = new CredentialCipher({
      current: 2,
      keys: new Map([
        [2, k2],
        [1, k1],
      ]),
    });
    expect(v2.open(CHANNEL, old)).toEqual(secrets);
    expect(v2.seal(CHANNEL, secrets).keyVersion).toBe(2);
    const onlyNew = new CredentialCipher({ current: 2, keys: new Map([[2, k2]]) });
    expect(() => onlyNew.open(CHANNEL, old)).toThrow(CredentialKeyMissingError);
  });

  it('keeps purposes apart: the same key for another purpose does not open it', () => {
    const other = new CredentialCipher({ current: 1, keys: new Map([[1, k1]]) }, 'oauth-verifier');
    expect(() => other.open(CHANNEL, v1.seal(CHANNEL, secrets))).toThrow();
  });
});
