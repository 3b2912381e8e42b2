import { type PostStatus } from '@postplan/contracts';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('posts')
export class PostEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('integer') version: number;
  @Column('text') status: PostStatus;
  @Column('text') title: string;
  @Column('text') text: string;
  @Column('timestamptz', { name: 'planned_at', nullable: true }) plannedAt: Date | null;
  @Column('text', { array: true }) tags: string[];
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt: Date | null;
}

@Entity('post_variants')
export class PostVariantEntity {
  @PrimaryColumn('uuid', { name: 'post_id' }) postId: string;
  @PrimaryColumn('uuid', { name: 'channel_id' }) channelId: string;
  @Column('smallint') position: number;
  @Column('text', { nullable: true }) text: string | null;
}
