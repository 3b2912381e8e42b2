import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import S3rver from 's3rver';
import request from 'supertest';
import { type Browser, type TestApp, setUpOwner, startTestApp } from './test-app';

let s3rver: S3rver;
let s3: S3Client;
let t: TestApp;
let owner: Browser;
let ws: string;
let dataDir: string;
const BUCKET = 'postplan-media';

beforeAll(async () => {
  s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 'postplan-s3rver-')),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await s3rver.run();
  const endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'postplan-media-s3-'));
  t = await startTestApp({
    POSTPLAN_DATA_DIR: dataDir,
    POSTPLAN_S3_ENDPOINT: endpoint,
    POSTPLAN_S3_BUCKET: BUCKET,
    POSTPLAN_S3_ACCESS_KEY: 'S3RVER',
    POSTPLAN_S3_SECRET_KEY: 'S3RVER',
  });
  ({ owner, ws } = await setUpOwner(t));
});
afterAll(async () => {
  await t.close();
  s3.destroy();
  await s3rver.close();
});

const upload = (file: Buffer, filename: string, contentType: string) =>
  request(t.server)
    .post(`/api/v1/workspaces/${ws}/media`)
    .set(
      'Cookie',
      `postplan_session=${owner.cookie('postplan_session')}; postplan_csrf=${owner.csrf}`,
    )
    .set('X-CSRF-Token', owner.csrf ?? '')
    .attach('file', file, { filename, contentType });

async function keys(): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

const localFiles = (): string[] => {
  const root = join(dataDir, 'media');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
};

describe('media in an S3-compatible store', () => {
  it('puts the file and its thumbnail in the bucket, serves them, and keeps nothing local', async () => {
    const png = await sharp({
      create: { width: 300, height: 200, channels: 3, background: '#c33' },
    })
      .png()
      .toBuffer();
    const res = await upload(png, 'rot.png', 'image/png');
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    const wsId = res.body.url.split('/')[4] as string;
    expect(await keys()).toEqual([`${wsId}/${id}.png`, `${wsId}/${id}.thumb.jpg`]);
    const stored = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `${wsId}/${id}.png` }),
    );
    expect(stored.ContentType).toBe('image/png');
    const served = await request(t.server)
      .get(`/api/v1/workspaces/${ws}/media/${id}/file`)
      .set('Cookie', `postplan_session=${owner.cookie('postplan_session')}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(served.status).toBe(200);
    expect((await sharp(served.body as Buffer).metadata()).width).toBe(300);
    expect(localFiles()).toEqual([]);
  });

  it('a refused upload leaves nothing in the bucket', async () => {
    const before = await keys();
    const res = await upload(Buffer.from('%PDF-1.4 nothing'), 'x.pdf', 'application/pdf');
    expect(res.status).toBe(415);
    expect(await keys()).toEqual(before);
    expect(localFiles()).toEqual([]);
  });

  it('deleting an unused item removes both objects', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const res = await upload(png, 'weg.png', 'image/png');
    const before = await keys();
    expect((await owner.delete(`/v1/workspaces/${ws}/media/${res.body.id}`)).status).toBe(204);
    const after = await keys();
    expect(before.length - after.length).toBe(2);
    expect(after.some((k) => k.includes(res.body.id as string))).toBe(false);
  });
});
