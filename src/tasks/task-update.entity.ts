import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A progress report (进展) on a task, with the status it moved the task from and to. */
@Entity('task_updates')
export class TaskUpdate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
  @Column('varchar', { name: 'status_from', nullable: true }) statusFrom: string | null;
  @Column('varchar', { name: 'status_to', nullable: true }) statusTo: string | null;
  @Column('int', { nullable: true }) progress: number | null;
  @Column('text') note: string;
  @Column('text', { nullable: true }) outcome: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
