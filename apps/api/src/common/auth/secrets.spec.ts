import { randomBytes } from 'node:crypto';
import { seal, unseal } from './secrets';

describe('seal and unseal', () => {
  const key = randomBytes(32);

  it('gives back what was sealed, and a different ciphertext every time', () => {
    const a = seal(key, 'link', 'https://postplan.example/invite/abc');
    const b = seal(key, 'link', 'https://postplan.example/invite/abc');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('utf8')).not.toContain('invite');
    expect(unseal(key, 'link', a)).toBe('https://postplan.example/invite/abc');
  });

  it('refuses another key, another purpose and any changed byte', () => {
    const sealed = seal(key, 'link', 'secret');
    expect(unseal(randomBytes(32), 'link', sealed)).toBeNull();
    expect(unseal(key, 'other', sealed)).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(unseal(key, 'link', tampered)).toBeNull();
  });
});
