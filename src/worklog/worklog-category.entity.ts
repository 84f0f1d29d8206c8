import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An organization's change to the configured categories: a renamed or deactivated default (same key), or a
 * category of its own (a key of its own). A null label keeps the configured one.
 */
@Entity('worklog_categories')
export class WorklogCategoryOverride {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) key: string;
  @Column({ type: 'varchar', length: 50, nullable: true }) label: string | null;
  @Column({ default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
