import { Injectable } from '@nestjs/common';
import {
  type Campaign,
  type CampaignDetail,
  type CampaignUtm,
  type CreateCampaignRequestSchema,
  hasRole,
  type UpdateCampaignRequestSchema,
} from '@postplan/contracts';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { staleVersion } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ChannelsService } from '../channels/channels.service';
import { PostsService } from '../posts/posts.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { CampaignError, campaignNotFound } from './campaign.errors';
import { toCampaign, toCampaignPost } from './campaign.mapper';
import { type CampaignRow, type CampaignWrite, CampaignsRepository } from './campaigns.repository';

type CreateInput = z.output<typeof CreateCampaignRequestSchema>;
type UpdateInput = z.output<typeof UpdateCampaignRequestSchema>;
type Caller = { userId: string; workspace: WorkspaceWithRole };

/** A campaign's colour when none is chosen: violet, apart from the platforms' own colours. */
export const DEFAULT_CAMPAIGN_COLOR = '#7c3aed';

/** UTM defaults compared by meaning: the order of the per-platform sources does not matter. */
export function sameUtm(a: CampaignUtm | null, b: CampaignUtm | null): boolean {
  const canonical = (u: CampaignUtm | null) =>
    u === null
      ? 'null'
      : JSON.stringify([
          Object.entries(u.sources).sort(([x], [y]) => (x < y ? -1 : 1)),
          u.medium,
          u.campaign,
          u.content,
          u.term,
        ]);
  return canonical(a) === canonical(b);
}

@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly channels: ChannelsService,
    private readonly workspaces: WorkspacesService,
    private readonly posts: PostsService,
    private readonly audit: AuditService,
  ) {}

  /** A campaign written as it is, for the demo seed (people create them through `create`). */
  insertForDemo(em: EntityManager, workspaceId: string, row: CampaignWrite): Promise<string> {
    return this.campaigns.insert(em, workspaceId, row);
  }

  async list(ws: WorkspaceWithRole): Promise<Campaign[]> {
    return (await this.campaigns.list(ws.id)).map(toCampaign);
  }

  /** The campaign with its live posts and each channel's publication. */
  async get(ws: WorkspaceWithRole, id: string): Promise<CampaignDetail> {
    const row = await this.campaigns.find(ws.id, id);
    if (!row) throw campaignNotFound();
    const posts = await this.campaigns.posts(ws.id, id);
    return { ...toCampaign(row), posts: posts.map((p) => toCampaignPost(p, ws.timeZone)) };
  }

  async create(caller: Caller, input: CreateInput): Promise<CampaignDetail> {
    const ws = caller.workspace;
    const write: CampaignWrite = {
      name: input.name,
      color: input.color ?? DEFAULT_CAMPAIGN_COLOR,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      goal: input.goal?.text ?? '',
      goalTarget: input.goal?.target ?? null,
      goalUnit: input.goal?.unit ?? null,
      ownerId: input.ownerId ?? caller.userId,
      brief: input.brief,
      utm: input.utm,
      channelIds: input.channelIds,
    };
    const id = await this.campaigns.transaction(async (em) => {
      await this.assertReferences(em, ws.id, write);
      const id = await this.campaigns.insert(em, ws.id, write);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'campaign.created',
        subject: { type: 'campaign', id },
        after: snapshot(write),
      });
      return id;
    });
    return this.get(ws, id);
  }

  /**
   * A change of the campaign. New UTM defaults retag its posts' links in the same transaction:
   * each post whose tagged text changes gets a new content hash, and its approval is void as
   * after an edit of its text.
   */
  async update(
    caller: Caller,
    id: string,
    input: UpdateInput,
    ifMatch: number | undefined,
  ): Promise<CampaignDetail> {
    const ws = caller.workspace;
    const expected = expectedVersion(ifMatch ?? input.version);
    await this.campaigns.transaction(async (em) => {
      // New UTM defaults retag the campaign's posts. A post's save locks the post, then reads the
      // campaign's defaults under a share lock; so the posts are locked here before the campaign,
      // in the same order, or the two would wait for each other.
      if (input.utm !== undefined) await this.posts.lockCampaignPostIds(em, ws.id, id);
      const current = await this.lockForChange(em, caller, id, expected);
      const next: CampaignWrite = {
        name: input.name ?? current.name,
        color: input.color ?? current.color,
        startsOn: input.startsOn ?? current.starts_on,
        endsOn: input.endsOn ?? current.ends_on,
        goal: input.goal ? input.goal.text : current.goal,
        goalTarget: input.goal ? input.goal.target : numberOrNull(current.goal_target),
        goalUnit: input.goal ? input.goal.unit : current.goal_unit,
        ownerId: input.ownerId === undefined ? current.owner_id : input.ownerId,
        brief: input.brief ?? current.brief,
        utm: input.utm === undefined ? current.utm : input.utm,
        channelIds: input.channelIds ?? current.channel_ids,
      };
      if (next.endsOn < next.startsOn) {
        throw new CampaignError(
          'INVALID_DATE_RANGE',
          'The campaign ends on or after its first day.',
        );
      }
      if (next.ownerId !== current.owner_id || input.channelIds) {
        await this.assertReferences(em, ws.id, {
          ...next,
          ownerId: next.ownerId !== current.owner_id ? next.ownerId : null,
        });
      }
      const retag = !sameUtm(current.utm, next.utm);
      // Again, now that the campaign is locked: a post that joined it in between is retagged too.
      const before = retag ? await this.posts.lockCampaignPosts(em, ws.id, id) : [];
      await this.campaigns.update(em, id, next);
      const retagged = retag ? await this.posts.retagCampaignPosts(em, caller, before) : 0;
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'campaign.updated',
        subject: { type: 'campaign', id },
        before: snapshot(writeOf(current)),
        after: { ...snapshot(next), ...(retag ? { retaggedPosts: retagged } : {}) },
      });
    });
    return this.get(ws, id);
  }

  async remove(caller: Caller, id: string, ifMatch: number | undefined): Promise<void> {
    const ws = caller.workspace;
    const expected = expectedVersion(ifMatch);
    await this.campaigns.transaction(async (em) => {
      const current = await this.lockForChange(em, caller, id, expected);
      const postCount = await this.campaigns.countAllPosts(em, id);
      if (postCount > 0) {
        throw new CampaignError(
          'CAMPAIGN_HAS_POSTS',
          `The campaign still has ${postCount} posts (the bin included). Move them out of the campaign first: its UTM tagging is part of their approved content.`,
          { postCount },
        );
      }
      await this.campaigns.delete(em, id);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'campaign.deleted',
        subject: { type: 'campaign', id },
        before: snapshot(writeOf(current)),
      });
    });
  }

  /** Editors change any campaign; an author only one they own. */
  private async lockForChange(
    em: EntityManager,
    { userId, workspace: ws }: Caller,
    id: string,
    expected: number,
  ): Promise<CampaignRow> {
    const current = await this.campaigns.lock(em, ws.id, id);
    if (!current) throw campaignNotFound();
    if (!hasRole(ws.role, 'editor') && current.owner_id !== userId) {
      throw new CampaignError('FORBIDDEN_ROLE', 'Authors can change only campaigns they own.', {
        required: 'editor',
        role: ws.role,
      });
    }
    if (current.version !== expected) {
      throw staleVersion(
        'campaign',
        current.version,
        'Someone else changed this campaign in the meantime. Load their version, then apply your change again.',
      );
    }
    return current;
  }

  private async assertReferences(
    em: EntityManager,
    workspaceId: string,
    write: Pick<CampaignWrite, 'ownerId' | 'channelIds'>,
  ): Promise<void> {
    if (write.ownerId && !(await this.workspaces.isMember(workspaceId, write.ownerId, em))) {
      throw new CampaignError(
        'CAMPAIGN_OWNER_NOT_MEMBER',
        'The owner must be a member of this workspace.',
        { ownerId: write.ownerId },
      );
    }
    const known = await this.channels.existingIds(workspaceId, write.channelIds);
    const unknown = write.channelIds.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw new CampaignError(
        'UNKNOWN_CHANNEL',
        'Some of the campaign’s channels do not exist in this workspace.',
        { channelIds: unknown },
      );
    }
  }
}

function expectedVersion(version: number | undefined): number {
  if (version === undefined) {
    throw new CampaignError(
      'VERSION_REQUIRED',
      'Send the version you are changing, in the If-Match header or as "version" in the body.',
    );
  }
  return version;
}

const numberOrNull = (v: string | null) => (v === null ? null : Number(v));

function writeOf(row: CampaignRow): CampaignWrite {
  return {
    name: row.name,
    color: row.color,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    goal: row.goal,
    goalTarget: numberOrNull(row.goal_target),
    goalUnit: row.goal_unit,
    ownerId: row.owner_id,
    brief: row.brief,
    utm: row.utm,
    channelIds: row.channel_ids,
  };
}

/** What the audit log keeps of a campaign. */
function snapshot(w: CampaignWrite) {
  return { ...w };
}
