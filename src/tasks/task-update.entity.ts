import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TaskRecord } from './task-record';

/** A progress report (进展) on a task, with the status it moved the task from and to. */
@Entity('task_updates')
export class TaskUpdate extends TaskRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') note: string;
  @Column('int', { nullable: true }) progress: number | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('varchar', { name: 'status_from', nullable: true }) statusFrom: string | null;
  @Column('varchar', { name: 'status_to', nullable: true }) statusTo: string | null;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
}
