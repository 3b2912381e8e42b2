import { Injectable } from '@nestjs/common';
import { type ReviewEffect, type ReviewRound, whoMayDecideNow } from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { type AuditActor } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';

export type TransitionNotice = {
  workspaceId: string;
  postId: string;
  authorId: string;
  actor: AuditActor;
  round: ReviewRound | null;
  effects: readonly ReviewEffect[];
};

export type ReviewNotificationKind =
  'review_requested' | 'approved' | 'changes_requested' | 'approval_expired';

export type ReviewNotification = {
  kind: ReviewNotificationKind;
  userIds: string[];
  data?: Record<string, unknown>;
};

/** Who hears about a transition: reviewers when it is their turn, the author when they decided. */
export function notificationsFor(n: TransitionNotice): ReviewNotification[] {
  const out: ReviewNotification[] = [];
  const actorId = n.actor.type === 'user' ? n.actor.userId : null;
  const others = (ids: readonly string[]) => [...new Set(ids)].filter((id) => id !== actorId);
  for (const e of n.effects) {
    if (e.type === 'reviewers_requested' && !e.client) {
      out.push({ kind: 'review_requested', userIds: others(e.userIds), data: { level: e.level } });
    }
    if (e.type === 'decision_recorded' && e.decision.decision === 'approve' && n.round) {
      // The next level's approvers are up once a level is complete.
      const next = whoMayDecideNow(n.round);
      if (next.level !== null && next.level !== e.decision.level && !next.client) {
        out.push({
          kind: 'review_requested',
          userIds: others(next.userIds),
          data: { level: next.level },
        });
      }
    }
    if (e.type === 'approval_granted' && e.approval.kind === 'reviewed') {
      out.push({ kind: 'approved', userIds: others([n.authorId]) });
    }
    if (e.type === 'status_changed' && e.to === 'changes_requested') {
      out.push({ kind: 'changes_requested', userIds: others([n.authorId]) });
    }
    if (e.type === 'status_changed' && e.to === 'approval_expired') {
      const approvers = n.round ? whoMayDecideNow(n.round).userIds : [];
      out.push({ kind: 'approval_expired', userIds: others([n.authorId, ...approvers]) });
    }
  }
  return out.filter((x) => x.userIds.length > 0);
}

/** Sends the review's notifications to the inbox (and mail), in the transition's transaction. */
@Injectable()
export class ReviewNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async afterTransition(em: EntityManager, notice: TransitionNotice): Promise<void> {
    for (const n of notificationsFor(notice)) {
      await this.notifications.notify(em, {
        workspaceId: notice.workspaceId,
        userIds: n.userIds,
        kind: n.kind,
        postId: notice.postId,
        actor: notice.actor,
        data: n.data,
      });
    }
  }
}
