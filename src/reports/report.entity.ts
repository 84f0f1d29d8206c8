import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What `reports.parse` holds besides the items (which have their own table). */
export interface ReportParseSummary {
  sections?: unknown[];
  responsiblePerson?: string | null;
}

/** An uploaded annual report with its normalized text and what the parser found in it. */
@Entity('reports')
export class Report {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('varchar', { name: 'file_name' }) fileName: string;
  @Column('char', { length: 64 }) sha256: string;
  @Column('int', { name: 'size_bytes' }) sizeBytes: number;
  @Column('varchar', { name: 'storage_path' }) storagePath: string;
  @Column('text') text: string;
  @Column('varchar', { name: 'organization_name', nullable: true }) organizationName: string | null;
  @Column('int', { name: 'report_year', nullable: true }) reportYear: number | null;
  @Column('int', { name: 'plan_year', nullable: true }) planYear: number | null;
  @Column('varchar', { nullable: true }) title: string | null;
  /** ReportParseSummary: the sections and the responsible person the parser found. */
  @Column('jsonb') parse: object;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
