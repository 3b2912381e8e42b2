import { type EntityManager } from 'typeorm';
import { type AuditService } from '../audit/audit.service';
import { type ChannelsService } from '../channels/channels.service';
import { type PostsService } from '../posts/posts.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { type WorkspacesService } from '../workspaces/workspaces.service';
import { type CampaignRow, type CampaignsRepository } from './campaigns.repository';
import { CampaignsService, sameUtm } from './campaigns.service';

const OWNER = 'u-owner';
const AUTHOR = 'u-author';
const utm = {
  sources: { instagram: 'ig', x: 'tw' },
  medium: 'social',
  campaign: 's',
  content: null,
  term: null,
};

const stored = (over: Partial<CampaignRow> = {}): CampaignRow => ({
  id: 'c1',
  workspace_id: 'w',
  version: 2,
  name: 'Frühling',
  color: '#16a34a',
  starts_on: '2026-03-01',
  ends_on: '2026-03-31',
  goal: '',
  goal_target: null,
  goal_unit: null,
  owner_id: OWNER,
  brief: '',
  utm,
  channel_ids: [],
  post_count: 0,
  created_at: new Date(0),
  updated_at: new Date(0),
  ...over,
});

function setUp(row: CampaignRow, postCount = 0) {
  const em = {} as EntityManager;
  const campaigns = {
    transaction: jest.fn((fn: (em: EntityManager) => Promise<unknown>) => fn(em)),
    lock: jest.fn(() => Promise.resolve(row)),
    find: jest.fn(() => Promise.resolve(row)),
    posts: jest.fn(() => Promise.resolve([])),
    update: jest.fn(() => Promise.resolve()),
    delete: jest.fn(() => Promise.resolve()),
    countAllPosts: jest.fn(() => Promise.resolve(postCount)),
  };
  const posts = {
    lockCampaignPosts: jest.fn(() => Promise.resolve([])),
    lockCampaignPostIds: jest.fn(() => Promise.resolve([])),
    retagCampaignPosts: jest.fn(() => Promise.resolve(0)),
  };
  const audit = { record: jest.fn(() => Promise.resolve()) };
  const service = new CampaignsService(
    campaigns as unknown as CampaignsRepository,
    {
      existingIds: jest.fn(() => Promise.resolve(new Set<string>())),
    } as unknown as ChannelsService,
    { isMember: jest.fn(() => Promise.resolve(true)) } as unknown as WorkspacesService,
    posts as unknown as PostsService,
    audit as unknown as AuditService,
  );
  return { service, campaigns, posts, audit };
}

const as = (userId: string, role: WorkspaceWithRole['role']) => ({
  userId,
  workspace: { id: 'w', role, timeZone: 'Europe/Berlin' } as WorkspaceWithRole,
});

describe('CampaignsService', () => {
  it('compares UTM defaults by meaning, not by the order of their sources', () => {
    expect(sameUtm(utm, { ...utm, sources: { x: 'tw', instagram: 'ig' } })).toBe(true);
    expect(sameUtm(utm, { ...utm, term: 'kiste' })).toBe(false);
    expect(sameUtm(utm, null)).toBe(false);
    expect(sameUtm(null, null)).toBe(true);
  });

  it('retags the posts only when the UTM defaults change, locking them before and after the campaign', async () => {
    const { service, campaigns, posts } = setUp(stored());
    await service.update(as(OWNER, 'owner'), 'c1', { name: 'Frühling 2026' }, 2);
    expect(posts.lockCampaignPostIds).not.toHaveBeenCalled();
    expect(posts.lockCampaignPosts).not.toHaveBeenCalled();
    await service.update(as(OWNER, 'owner'), 'c1', { utm: { ...utm, medium: 'paid' } }, 2);
    expect(posts.lockCampaignPostIds).toHaveBeenCalledTimes(1);
    expect(posts.lockCampaignPosts).toHaveBeenCalledTimes(1);
    expect(posts.retagCampaignPosts).toHaveBeenCalledTimes(1);
    const campaignLocked = campaigns.lock.mock.invocationCallOrder[1]!;
    expect(posts.lockCampaignPostIds.mock.invocationCallOrder[0]).toBeLessThan(campaignLocked);
    expect(campaignLocked).toBeLessThan(posts.lockCampaignPosts.mock.invocationCallOrder[0]!);
  });

  it('lets an author change only a campaign they own, and writes nothing otherwise', async () => {
    const { service, campaigns, audit } = setUp(stored());
    await expect(
      service.update(as(AUTHOR, 'author'), 'c1', { name: 'Meins' }, 2),
    ).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(campaigns.update).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
    const own = setUp(stored({ owner_id: AUTHOR }));
    await own.service.update(as(AUTHOR, 'author'), 'c1', { name: 'Meins' }, 2);
    expect(own.campaigns.update).toHaveBeenCalled();
  });

  it('refuses a stale version and a missing one', async () => {
    const { service, campaigns } = setUp(stored());
    await expect(service.update(as(OWNER, 'owner'), 'c1', { name: 'X' }, 1)).rejects.toMatchObject({
      code: 'STALE_VERSION',
      details: { resource: 'campaign', currentVersion: 2 },
    });
    await expect(
      service.update(as(OWNER, 'owner'), 'c1', { name: 'X' }, undefined),
    ).rejects.toMatchObject({ code: 'VERSION_REQUIRED' });
    expect(campaigns.update).not.toHaveBeenCalled();
  });

  it('keeps a campaign that still has posts', async () => {
    const { service, campaigns } = setUp(stored(), 3);
    await expect(service.remove(as(OWNER, 'owner'), 'c1', 2)).rejects.toMatchObject({
      code: 'CAMPAIGN_HAS_POSTS',
      details: { postCount: 3 },
    });
    expect(campaigns.delete).not.toHaveBeenCalled();
  });
});
