import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text') email: string;
  @Column('text') ip: string;
  @Column('boolean') succeeded: boolean;
  @Column('timestamptz', { name: 'attempted_at', default: () => 'now()' }) attemptedAt: Date;
}
