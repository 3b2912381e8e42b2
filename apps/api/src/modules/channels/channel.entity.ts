import { type ChannelWording, type Platform } from '@postplan/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Values are what the settings schemas allow: text, numbers, flags. */
export type ChannelSettings = Record<string, string | number | boolean>;

@Entity('channels')
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') name: string;
  @Column('text') platform: Platform;
  @Column('text') color: string;
  /** Validated by ChannelWordingSchema when written; {} means the defaults. */
  @Column('jsonb', { default: () => `'{}'` }) wording: ChannelWording;
  /** Non-secret platform settings, validated by CHANNEL_SETTINGS_SCHEMAS when written. */
  @Column('jsonb', { default: () => `'{}'` }) settings: ChannelSettings;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
