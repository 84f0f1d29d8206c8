import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RobotVendor } from './robot-vendor';

/**
 * A group robot of a unit, or of the organization's leaders when `unitId` is null. URL and secret are sealed
 * (AES-256-GCM, see SecretCipher): the webhook's token is as good as a password to the group.
 */
@Entity('unit_robots')
export class UnitRobot {
  /** Generated before the insert: it is part of what the URL and secret are sealed with. */
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ type: 'smallint' }) position: number;
  @Column({ type: 'varchar' }) vendor: RobotVendor;
  @Column({ name: 'url_sealed', type: 'text' }) urlSealed: string;
  @Column({ name: 'secret_sealed', type: 'text', nullable: true }) secretSealed: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
