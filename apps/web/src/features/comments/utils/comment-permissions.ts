import type { Comment, CommentThread, Role } from '@postplan/contracts';

/** Who may do what with comments: the API's rules, so the UI offers only what will work. */
export type CommentViewer = { userId: string; role: Role; postAuthorId: string };

const RANK: Record<Role, number> = { viewer: 0, author: 1, editor: 2, admin: 3, owner: 4 };
const atLeast = (role: Role, min: Role) => RANK[role] >= RANK[min];

const isOwn = (c: Comment, me: CommentViewer) =>
  c.author.type === 'user' && c.author.userId === me.userId;

export const commentPermissions = {
  comment: (me: CommentViewer) => atLeast(me.role, 'author'),
  edit: (c: Comment, me: CommentViewer) => !c.deleted && atLeast(me.role, 'author') && isOwn(c, me),
  remove: (c: Comment, me: CommentViewer) =>
    !c.deleted && atLeast(me.role, 'author') && (isOwn(c, me) || atLeast(me.role, 'admin')),
  resolve: (t: CommentThread, me: CommentViewer) =>
    atLeast(me.role, 'author') &&
    (atLeast(me.role, 'editor') || me.postAuthorId === me.userId || isOwn(t, me)),
  accept: (me: CommentViewer) =>
    atLeast(me.role, 'author') && (atLeast(me.role, 'editor') || me.postAuthorId === me.userId),
  dismiss: (t: CommentThread, me: CommentViewer) =>
    atLeast(me.role, 'author') &&
    (atLeast(me.role, 'editor') || me.postAuthorId === me.userId || isOwn(t, me)),
};
