import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One organization's part of a requested sweep; `enqueuedAt` once its job is in the queue (migration ReminderSweeps). */
@Entity('reminder_sweeps')
export class ReminderSweep {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('date', { name: 'as_of' }) asOf: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'enqueued_at', nullable: true }) enqueuedAt: Date | null;
}
