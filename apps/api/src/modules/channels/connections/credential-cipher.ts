import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** What one row stores: the key's version, a fresh 12-byte IV, GCM's 16-byte tag, the ciphertext. */
export type SealedCredentials = {
  keyVersion: number;
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
};

export class CredentialKeyMissingError extends Error {
  constructor(readonly keyVersion: number) {
    super(
      `Channel credentials are encrypted under key version ${keyVersion}, which this server does not have; add it to POSTPLAN_SECRET_KEYS_PREVIOUS.`,
    );
  }
}

/**
 * AES-256-GCM for channel credentials. Each server key is narrowed to this one purpose (so a
 * key derived for cookies or mail links never opens a token), and the channel id is the
 * additional authenticated data: a ciphertext copied onto another channel's row does not open.
 */
export class CredentialCipher {
  private readonly keys = new Map<number, Buffer>();

  constructor(
    keyring: { current: number; keys: ReadonlyMap<number, Buffer> },
    private readonly purpose = 'channel-credentials',
  ) {
    this.current = keyring.current;
    for (const [version, key] of keyring.keys) {
      this.keys.set(
        version,
        createHmac('sha256', key).update(`postplan:${this.purpose}`, 'utf8').digest(),
      );
    }
    if (!this.keys.has(this.current)) throw new CredentialKeyMissingError(this.current);
  }

  /** The version new ciphertext is written under. */
  readonly current: number;

  seal(channelId: string, secrets: Readonly<Record<string, string>>): SealedCredentials {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.current)!, iv);
    cipher.setAAD(Buffer.from(channelId, 'utf8'));
    const ciphertext = Buffer.concat([
      cipher.update(JSON.stringify(secrets), 'utf8'),
      cipher.final(),
    ]);
    return { keyVersion: this.current, iv, authTag: cipher.getAuthTag(), ciphertext };
  }

  /** Throws when the key is unknown or the row was tampered with; never returns a guess. */
  open(channelId: string, sealed: SealedCredentials): Record<string, string> {
    const key = this.keys.get(sealed.keyVersion);
    if (!key) throw new CredentialKeyMissingError(sealed.keyVersion);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(Buffer.from(channelId, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    const plain = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as Record<string, string>;
  }
}
