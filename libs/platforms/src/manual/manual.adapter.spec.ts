import { type PublishRequest } from '../adapter';
import { adapterFor } from '../registry';
import {
  MANUAL_ACTION_REQUIRED,
  createManualAdapter,
  isManualActionRequired,
} from './manual.adapter';

const request = (title: string | null): PublishRequest => ({
  idempotencyKey: 'pub-1',
  attempt: 1,
  channel: {
    id: 'ch-1',
    name: 'Parish newsletter',
    platform: 'manual',
    settings: {},
    credentials: null,
  },
  content: {
    postId: 'post-1',
    title,
    text: 'x'.repeat(100_000),
    tags: [],
    media: [],
    options: {},
    plannedAt: '2026-12-03T09:00:00.000Z',
    contentHash: 'h',
  },
  checkpoint: null,
  saveCheckpoint: () => Promise.resolve(),
  signal: new AbortController().signal,
});

describe('manual adapter', () => {
  it('asks a person to act instead of posting: unknown, MANUAL_ACTION_REQUIRED', async () => {
    const e: unknown = await createManualAdapter()
      .publish(request('Advent concert'))
      .catch((err: unknown) => err);
    expect(isManualActionRequired(e)).toBe(true);
    expect(e).toMatchObject({ errorClass: 'unknown', code: MANUAL_ACTION_REQUIRED });
    expect((e as Error).message).toContain('"Advent concert"');
    expect((e as Error).message).toContain('"Parish newsletter"');
  });

  it('imposes no text limit and is safe to call again', () => {
    const adapter = adapterFor('manual');
    expect(adapter.limits.text).toBeNull();
    expect(adapter.idempotent).toBe(true);
    expect('reconcile' in adapter).toBe(false);
  });

  it('is not mistaken for another unknown failure', () => {
    expect(isManualActionRequired(new Error(MANUAL_ACTION_REQUIRED))).toBe(false);
  });
});
