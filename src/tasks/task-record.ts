import { Column, CreateDateColumn } from 'typeorm';

/**
 * The columns every record kept about one task has (progress reports, 延期申请, 佐证材料, history
 * lines): the task, its organization and when the record was written. Not a table: each entity extends
 * it and keeps its own key, a uuid or, for history lines, a bigint.
 */
export abstract class TaskRecord {
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
