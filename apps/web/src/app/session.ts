import type { MeResponse, WorkspaceMembership } from '@postplan/contracts';
import { useOutletContext } from 'react-router';

export type SessionContext = { me: MeResponse };
export type WorkspaceContext = SessionContext & { workspace: WorkspaceMembership };

export function useSession(): SessionContext {
  return useOutletContext<SessionContext>();
}

export function useWorkspace(): WorkspaceContext {
  return useOutletContext<WorkspaceContext>();
}
