import { describe, expect, it } from '@jest/globals';
import type { CampaignPost } from '@postplan/contracts';
import { awaitingApproval, publishedLinks, timelineLanes } from './campaign-timeline';

const post = (id: string, patch: Partial<CampaignPost>): CampaignPost => ({
  id,
  title: id,
  text: '',
  status: 'draft',
  plannedAt: null,
  authorId: 'a',
  channels: [],
  ...patch,
});
const insta = { channelId: 'i', name: 'Instagram', platform: 'instagram' as const };

describe('timelineLanes', () => {
  it('puts each post on its channels’ lanes by its local day in the period', () => {
    const { lanes, unplanned } = timelineLanes({
      startsOn: '2026-03-01',
      endsOn: '2026-03-10',
      posts: [
        post('first', {
          plannedAt: '2026-03-01T00:00:00+01:00',
          channels: [{ ...insta, publication: null }],
        }),
        post('late', {
          // Just after midnight on the 6th in Berlin, still the 5th in UTC: the local day counts.
          plannedAt: '2026-03-06T00:30:00+01:00',
          channels: [{ ...insta, publication: null }],
        }),
        post('idea', { status: 'idea' }),
      ],
    });
    expect(lanes).toHaveLength(1);
    expect(lanes[0]!.items.map((i) => [i.post.id, i.left])).toEqual([
      ['first', 0],
      ['late', 50],
    ]);
    expect(unplanned.map((p) => p.id)).toEqual(['idea']);
  });
});

describe('what the campaign page lists', () => {
  it('names what still waits for approval and what went out with its link', () => {
    const posts = [
      post('d', { status: 'draft' }),
      post('r', { status: 'in_review' }),
      post('a', {
        status: 'approved',
        channels: [
          {
            ...insta,
            publication: { status: 'published', url: 'https://x/1', publishedAt: '2026-03-02' },
          },
        ],
      }),
      post('i', { status: 'idea' }),
    ];
    expect(awaitingApproval(posts).map((p) => p.id)).toEqual(['d', 'r']);
    expect(publishedLinks(posts).map((l) => l.url)).toEqual(['https://x/1']);
  });
});
