import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** A random secret for a cookie or token: 32 bytes (256 bits), URL-safe. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256; a database leak does not leak live credentials. */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function hmac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** A key for one purpose, derived from the server key, so one use can never read another's data. */
function purposeKey(key: Buffer, purpose: string): Buffer {
  return createHmac('sha256', key).update(`postplan:${purpose}`, 'utf8').digest();
}

/** Encrypts a short secret with AES-256-GCM: 12-byte nonce, 16-byte tag, then the ciphertext. */
export function seal(key: Buffer, purpose: string, plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', purposeKey(key, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The secret sealed with `seal`, or null when it was tampered with or sealed under another key. */
export function unseal(key: Buffer, purpose: string, sealed: Buffer): string | null {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      purposeKey(key, purpose),
      sealed.subarray(0, 12),
    );
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
