import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganizationSettings } from './organization-settings';

/** A government office; a county office may have township offices as children. */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Only what the administrator set (resolveOrganizationSettings adds the defaults); never listed to others. */
  @Column({ type: 'jsonb', select: false, default: () => "'{}'::jsonb" })
  settings: Partial<OrganizationSettings>;
}
