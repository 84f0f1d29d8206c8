import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TaskRecord } from './task-record';

/** One line of a task's history; the table refuses UPDATE and DELETE (migration Ledger). */
@Entity('task_history')
export class TaskHistoryEntry extends TaskRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('varchar') action: string;
  /** FieldChanges: what moved, from what to what. */
  @Column('jsonb') changes: object;
  @Column('text', { nullable: true }) note: string | null;
}
