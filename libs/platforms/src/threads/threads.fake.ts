import { type FakeContainerApi, startFakeContainerApi } from '../meta/meta-container.fake';

/**
 * A fake Threads API on loopback: `/{threads-user-id}/threads` (create and list),
 * `/{container-id}?fields=status,error_message`, `/threads_publish`,
 * `/threads_publishing_limit`. See meta-container.fake.ts for the scripting.
 */

export const FAKE_THREADS_USER = '26000000000000042';
export const FAKE_THREADS_TOKEN = 'THAA-fake-threads-token';

export type FakeThreads = FakeContainerApi;

export async function startFakeThreads(): Promise<FakeThreads> {
  const fake = await startFakeContainerApi({
    userId: FAKE_THREADS_USER,
    token: FAKE_THREADS_TOKEN,
    createEdge: '/threads',
    publishEdge: '/threads_publish',
    limitEdge: '/threads_publishing_limit',
    listEdges: ['/threads'],
    textField: 'text',
    statusFields: { code: 'status', detail: 'error_message' },
    permalinkBase: 'https://www.threads.net/@postplan.cafe/post',
  });
  fake.quota.total = 250;
  return fake;
}
