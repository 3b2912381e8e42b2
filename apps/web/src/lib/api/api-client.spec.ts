/** @jest-environment jsdom */
import { PostSchema } from '@postplan/contracts';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fakeFetch } from '../../testing/render-with-providers';
import { apiRequest, readCookie, toQueryString } from './api-client';
import { ApiError } from './api-error';

describe('apiRequest', () => {
  beforeEach(() => {
    document.cookie = 'postplan_csrf=tok%3D123; path=/';
  });
  afterEach(() => {
    document.cookie = 'postplan_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('echoes the CSRF cookie and the version on a mutation', async () => {
    const calls = fakeFetch([{ status: 204 }]);
    await apiRequest('/v1/workspaces/w/posts/p', { method: 'DELETE', ifMatch: 7 });
    expect(calls[0]).toMatchObject({
      url: '/api/v1/workspaces/w/posts/p',
      method: 'DELETE',
      headers: { 'X-CSRF-Token': 'tok=123', 'If-Match': '7' },
    });
  });

  it('sends no CSRF header on a read', async () => {
    const calls = fakeFetch([{ status: 200, body: { needed: false } }]);
    await apiRequest('/v1/setup');
    expect(calls[0]?.headers['X-CSRF-Token']).toBeUndefined();
  });

  it("turns the API's error body into an ApiError with code and details", async () => {
    fakeFetch([
      {
        status: 409,
        body: {
          error: { code: 'STALE_VERSION', message: 'stale', details: { current: { id: 'x' } } },
        },
      },
    ]);
    const error = await apiRequest('/v1/x', { method: 'PATCH', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'STALE_VERSION',
      details: { current: { id: 'x' } },
    });
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(apiRequest('/v1/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('refuses a response that does not match the contract', async () => {
    fakeFetch([{ status: 200, body: { id: 'not a post' } }]);
    await expect(apiRequest('/v1/p', { schema: PostSchema })).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
    });
  });
});

describe('helpers', () => {
  it('writes arrays as comma lists and skips empty values', () => {
    expect(
      toQueryString({
        from: '2026-11-01',
        channel: ['a', 'b'],
        tag: [],
        status: undefined,
        unscheduled: 'true',
      }),
    ).toBe('?from=2026-11-01&channel=a%2Cb&unscheduled=true');
    expect(toQueryString({})).toBe('');
  });

  it('reads one cookie among many', () => {
    expect(readCookie('postplan_csrf', 'a=1; postplan_csrf=x%20y; b=2')).toBe('x y');
    expect(readCookie('missing', 'a=1')).toBeUndefined();
  });
});
