import {
  type Member,
  type MeResponse,
  type Workspace,
  type WorkspaceMembership,
} from '@postplan/contracts';
import { type UserEntity } from '../users/user.entity';
import { type MemberRow, type WorkspaceWithRole } from './workspaces.repository';
import { type WorkspaceEntity } from './workspace.entity';

/** What every view of a workspace shows, with or without the caller's role. */
function workspaceFields(w: WorkspaceEntity) {
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    timeZone: w.timeZone,
    locale: w.locale,
    holidayCountry: w.holidayCountry,
    holidayRegion: w.holidayRegion,
  };
}

export function toWorkspace(w: WorkspaceEntity): Workspace {
  return {
    ...workspaceFields(w),
    catchUpMinutes: w.catchUpMinutes,
    createdAt: w.createdAt.toISOString(),
  };
}

export function toMembership(w: WorkspaceWithRole): WorkspaceMembership {
  return { ...workspaceFields(w), role: w.role };
}

export function toMe(user: UserEntity, workspaces: WorkspaceWithRole[]): MeResponse {
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    workspaces: workspaces.map(toMembership),
  };
}

export function toMember(m: MemberRow): Member {
  return {
    userId: m.userId,
    email: m.email,
    name: m.name,
    role: m.role,
    joinedAt: m.joinedAt.toISOString(),
  };
}
