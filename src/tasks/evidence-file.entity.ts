import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A 佐证材料 file of a task, stored content-addressed; `updateId` once a progress report cites it. */
@Entity('evidence_files')
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('uuid', { name: 'update_id', nullable: true }) updateId: string | null;
  @Column('varchar', { name: 'file_name' }) fileName: string;
  @Column('int', { name: 'size_bytes' }) sizeBytes: number;
  @Column('char', { length: 64 }) sha256: string;
  @Column('varchar', { name: 'storage_path' }) storagePath: string;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
