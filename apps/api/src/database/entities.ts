import { ApiTokenEntity } from '../modules/auth/api-token.entity';
import { LoginAttemptEntity } from '../modules/auth/login-attempt.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { ChannelEntity } from '../modules/channels/channel.entity';
import { PostEntity, PostVariantEntity } from '../modules/posts/post.entity';
import { UserEntity } from '../modules/users/user.entity';
import { MembershipEntity } from '../modules/workspaces/membership.entity';
import { WorkspaceEntity } from '../modules/workspaces/workspace.entity';

export const entities = [
  UserEntity,
  WorkspaceEntity,
  MembershipEntity,
  SessionEntity,
  ApiTokenEntity,
  LoginAttemptEntity,
  ChannelEntity,
  PostEntity,
  PostVariantEntity,
];
