import { ERROR_CODES } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { ApiError, CLIENT_ERROR_CODES } from '../api/api-error';
import { ERROR_MESSAGE_KEYS, errorMessage } from './error-message';
import { createTranslate } from './translate';

const de = createTranslate('de');
const en = createTranslate('en');

describe('errorMessage', () => {
  // HTTP_ERROR (an answer outside the contract) deliberately shows the server's words; see below.
  it.each([...ERROR_CODES, ...CLIENT_ERROR_CODES.filter((c) => c !== 'HTTP_ERROR')])(
    '%s has its own human message in German and English',
    (code) => {
      const error = new ApiError(400, code, 'server text');
      expect(errorMessage(error, en)).not.toBe('server text');
      expect(errorMessage(error, en)).not.toContain('error.');
      expect(errorMessage(error, de)).not.toContain('error.');
      expect(errorMessage(error, de)).not.toBe(errorMessage(error, en));
    },
  );

  it('gives every code a different message key', () => {
    const keys = Object.values(ERROR_MESSAGE_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('says what the code means, in the UI language', () => {
    expect(errorMessage(new ApiError(409, 'STALE_VERSION', 'x'), en)).toBe(
      'Someone else changed this post in the meantime.',
    );
    expect(errorMessage(new ApiError(401, 'INVALID_CREDENTIALS', 'x'), de)).toBe(
      'E-Mail oder Passwort ist falsch.',
    );
  });

  it('names the platform and the reason of a media refusal, in the reader’s language', () => {
    const problem = (platform: string, de: string, en: string) => ({
      channelId: '00000000-0000-4000-8000-0000000000c1',
      platform,
      mediaId: '00000000-0000-4000-8000-0000000000e1',
      rule: 'image_size',
      message: en,
      messages: { de, en },
    });
    const error = new ApiError(422, 'MEDIA_PLATFORM_REJECTED', 'x', {
      problems: [
        problem('bluesky', 'Bluesky nimmt Bilder bis 1 MB.', 'Bluesky takes images up to 1 MB.'),
      ],
    });
    expect(errorMessage(error, en, 'en')).toBe(
      'The media do not meet a platform’s requirements. Bluesky takes images up to 1 MB.',
    );
    expect(errorMessage(error, de, 'de')).toContain('Bluesky nimmt Bilder bis 1 MB.');
    // Without the locale (older callers): the code's sentence alone.
    expect(errorMessage(error, en)).toBe('The media do not meet a platform’s requirements.');
  });

  it('falls back to the server message for an answer outside the contract', () => {
    expect(errorMessage(new ApiError(418, 'HTTP_ERROR', 'The teapot is busy'), en)).toBe(
      'The teapot is busy',
    );
    expect(errorMessage(new ApiError(502, 'HTTP_ERROR', 'HTTP 502'), en)).toBe(
      'The request failed.',
    );
  });

  it('has a generic sentence for anything that is not an API error', () => {
    expect(errorMessage(new TypeError('x is undefined'), en)).toBe('Something went wrong.');
  });
});
