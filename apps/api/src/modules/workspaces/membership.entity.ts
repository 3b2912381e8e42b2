import { type Role } from '@postplan/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('memberships')
export class MembershipEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Column('text') role: Role;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
