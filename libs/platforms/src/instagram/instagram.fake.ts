import { type FakeContainerApi, startFakeContainerApi } from '../meta/meta-container.fake';

/**
 * A fake Instagram Graph API on loopback: `/{ig-user-id}/media`, `/{container-id}?fields=
 * status_code,status`, `/media_publish`, `/content_publishing_limit`, `/media` and
 * `/stories` listings, `/{media-id}/comments`. See meta-container.fake.ts for the scripting.
 */

export const FAKE_INSTAGRAM_USER = '17841400000000001';
export const FAKE_INSTAGRAM_TOKEN = 'EAAB-fake-instagram-token';

export type FakeInstagram = FakeContainerApi;

export function startFakeInstagram(): Promise<FakeInstagram> {
  return startFakeContainerApi({
    userId: FAKE_INSTAGRAM_USER,
    token: FAKE_INSTAGRAM_TOKEN,
    createEdge: '/media',
    publishEdge: '/media_publish',
    limitEdge: '/content_publishing_limit',
    listEdges: ['/media', '/stories'],
    textField: 'caption',
    statusFields: { code: 'status_code', detail: 'status' },
    permalinkBase: 'https://www.instagram.com/p',
  });
}
