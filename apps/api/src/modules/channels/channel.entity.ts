import { type ChannelWording, type Platform } from '@postplan/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('channels')
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') name: string;
  @Column('text') platform: Platform;
  @Column('text') color: string;
  /** Validated by ChannelWordingSchema when written; {} means the defaults. */
  @Column('jsonb', { default: () => `'{}'` }) wording: ChannelWording;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
