import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TaskStatus } from './task-status';

/**
 * A row of `tasks` for plain writes. Reads go through TaskRepository's SQL (taskColumns in task-view.ts), which
 * formats dates and timestamps the way the API shows them. Columns the database fills (timestamps, version,
 * the generated search text) are left to its defaults.
 */
@Entity('tasks')
export class Task {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'report_id', nullable: true }) reportId: string | null;
  @Column('uuid', { name: 'report_item_id', nullable: true }) reportItemId: string | null;
  @Column('varchar') kind: 'rectification' | 'plan';
  @Column('varchar', { name: 'item_kind' }) itemKind: string;
  @Column('text') title: string;
  @Column('text', { name: 'source_text' }) sourceText: string;
  @Column('int', { name: 'plan_year', nullable: true }) planYear: number | null;
  @Column('text', { name: 'heading_path', array: true }) headingPath: string[];
  @Column('uuid', { name: 'leader_id', nullable: true }) leaderId: string | null;
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('date', { nullable: true }) deadline: string | null;
  @Column('varchar') status: TaskStatus;
  @Column('int') progress: number;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('boolean', { name: 'long_term' }) longTerm: boolean;
  @Column('varchar', { name: 'evidence_interval', nullable: true }) evidenceInterval: string | null;
  @Column('timestamptz', { name: 'assigned_at', nullable: true }) assignedAt: Date | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  /** The day the work was done (staff give it with 申请销号); completedAt is when the leader approved. */
  @Column('date', { name: 'completed_on', nullable: true }) completedOn: string | null;
  /** The 整改问题 this 整改措施 answers. */
  @Column('uuid', { name: 'problem_task_id', nullable: true }) problemTaskId: string | null;
  @Column('timestamptz', { name: 'last_activity_at' }) lastActivityAt: Date;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
