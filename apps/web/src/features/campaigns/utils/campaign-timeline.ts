import type { CampaignDetail, CampaignPost, PostStatus } from '@postplan/contracts';

const DAY = 86_400_000;

/** Days since the epoch of a calendar day (YYYY-MM-DD), on the date alone. */
const dayNumber = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d) / DAY;
};

export type TimelineLane = {
  channelId: string;
  name: string;
  items: { post: CampaignPost; status: PostStatus; left: number }[];
};

/**
 * The campaign's posts on one lane per channel, placed by their planned day across the period
 * (0 = its first day, 100 = the end of its last day). The planned day is read in the workspace
 * zone: the API writes planned times with the zone's offset, so its first ten characters are
 * the local date.
 */
export function timelineLanes(campaign: Pick<CampaignDetail, 'startsOn' | 'endsOn' | 'posts'>) {
  const first = dayNumber(campaign.startsOn);
  const days = dayNumber(campaign.endsOn) - first + 1;
  const lanes = new Map<string, TimelineLane>();
  const unplanned: CampaignPost[] = [];
  for (const post of campaign.posts) {
    if (!post.plannedAt) {
      unplanned.push(post);
      continue;
    }
    const day = dayNumber(post.plannedAt.slice(0, 10)) - first;
    const time = Number(post.plannedAt.slice(11, 13)) / 24;
    const left = Math.min(100, Math.max(0, ((day + time) / days) * 100));
    for (const channel of post.channels) {
      let lane = lanes.get(channel.channelId);
      if (!lane) {
        lane = { channelId: channel.channelId, name: channel.name, items: [] };
        lanes.set(channel.channelId, lane);
      }
      lane.items.push({ post, status: post.status, left });
    }
  }
  return { lanes: [...lanes.values()], unplanned };
}

/** Posts that still need approval before they can go out (ideas are not yet asked for). */
export function awaitingApproval(posts: readonly CampaignPost[]): CampaignPost[] {
  return posts.filter(
    (p) => p.status === 'draft' || p.status === 'in_review' || p.status === 'changes_requested',
  );
}

/** Published channels with their links, newest first. */
export function publishedLinks(posts: readonly CampaignPost[]) {
  return posts
    .flatMap((post) =>
      post.channels.flatMap((c) =>
        c.publication?.status === 'published'
          ? [{ post, channel: c, url: c.publication.url, at: c.publication.publishedAt }]
          : [],
      ),
    )
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}
