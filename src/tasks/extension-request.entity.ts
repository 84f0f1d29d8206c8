import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TaskRecord } from './task-record';

/** A 延期申请: the deadline the task had, the one asked for, and the leader's decision. */
@Entity('extension_requests')
export class ExtensionRequest extends TaskRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  @Column('date', { name: 'current_deadline', nullable: true }) currentDeadline: string | null;
  @Column('date', { name: 'requested_deadline' }) requestedDeadline: string;
  @Column('text') reason: string;
  @Column('varchar') status: 'pending' | 'approved' | 'refused';
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('text', { name: 'decision_comment', nullable: true }) decisionComment: string | null;
}
