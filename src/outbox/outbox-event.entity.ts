import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A row of the transactional outbox (migration CreateOutbox): written with the change it announces, relayed later. */
@Entity('outbox_events')
export class OutboxEventRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('varchar') type: string;
  @Column('uuid', { name: 'aggregate_id', nullable: true }) aggregateId: string | null;
  /** The event's payload (EventPayloads; a task event's with its taskId); typed where it is written and read. */
  @Column('jsonb') payload: object;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
}
