import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type WorklogKind = 'work' | 'problem';

/** One 工作纪实 entry: notable work (or a problem found) on a day, by a unit, in a category of the report. */
@Entity('worklog_entries')
export class WorklogEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  /** Calendar date (YYYY-MM-DD) the work was done. */
  @Column({ name: 'entry_date', type: 'date' }) date: string;
  @Column({ type: 'varchar', length: 64 }) category: string;
  @Column({ type: 'varchar', length: 16, default: 'work' }) kind: WorklogKind;
  @Column('text') text: string;
  /** Why a problem arose; only problems have one. */
  @Column({ type: 'text', nullable: true }) cause: string | null;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId: string | null;
  /** Marked by a leader or admin: the entry goes into the year's report draft. */
  @Column({ name: 'in_report', default: false }) inReport: boolean;
  @Column({ name: 'reported_by', type: 'uuid', nullable: true }) reportedBy: string | null;
  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true }) reportedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
