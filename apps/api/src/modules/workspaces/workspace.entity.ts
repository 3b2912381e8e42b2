import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('workspaces')
export class WorkspaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('text') name: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('text') locale: 'de' | 'en';
  @Column('text', { name: 'holiday_country' }) holidayCountry: string;
  @Column('text', { name: 'holiday_region', nullable: true }) holidayRegion: string | null;
  /** Minutes a publication may still go out after its time; later it is missed (never silently late). */
  @Column('integer', { name: 'catch_up_minutes', default: 30 }) catchUpMinutes: number;
  /** Media without alt text block submit and approval (docs/media.md). */
  @Column('boolean', { name: 'media_alt_text_required', default: false })
  mediaAltTextRequired: boolean;
  /** Moves with every change the calendar shows (kept by triggers); bigint arrives as a string. */
  @Column({ type: 'bigint', name: 'calendar_version', insert: false, update: false })
  calendarVersion: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
