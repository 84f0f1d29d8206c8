import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a task's history; the table refuses UPDATE and DELETE (migration Ledger). */
@Entity('task_history')
export class TaskHistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('varchar') action: string;
  /** FieldChanges: what moved, from what to what. */
  @Column('jsonb') changes: object;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
