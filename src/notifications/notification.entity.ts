import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId: string | null;

  @Column('varchar')
  kind: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  /** What screens and channels act on (NotificationDto.data says it per kind); null for reminders. */
  @Column('jsonb', { nullable: true })
  data: Record<string, unknown> | null;

  @Column('text', { name: 'dedupe_key', select: false })
  dedupeKey: string;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
