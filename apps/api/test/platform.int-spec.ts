import request from 'supertest';
import { type TestApp, startTestApp } from './test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('platform conventions', () => {
  it('reports health with a real database round trip', async () => {
    const res = await request(t.server).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it("sets helmet's security headers", async () => {
    const res = await request(t.server).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes an OpenAPI document generated from the contracts', async () => {
    const res = await request(t.server).get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const posts = res.body.paths['/api/v1/workspaces/{ws}/posts'];
    expect(posts.post.requestBody).toBeDefined();
    const schemas = JSON.stringify(res.body.components?.schemas ?? {});
    expect(schemas).toContain('plannedAt');
    expect((await request(t.server).get('/api/docs')).status).toBe(200);
  });

  it('answers unknown API routes with the error body', async () => {
    const res = await request(t.server).get('/api/v1/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String) } });
  });
});
