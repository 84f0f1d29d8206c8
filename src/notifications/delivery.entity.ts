import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryRowChannel } from '../queue/jobs';

/**
 * One notification on one external channel: claimed as `sending` (attempt counted) before the channel is called,
 * then `delivered` or `failed` (migration DeliveryClaims).
 */
@Entity('deliveries')
export class Delivery {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'notification_id' }) notificationId: string;
  @Column('varchar') channel: DeliveryRowChannel;
  @Column('varchar') status: 'sending' | 'delivered' | 'failed';
  @Column('int') attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
