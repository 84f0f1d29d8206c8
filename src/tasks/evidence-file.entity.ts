import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TaskRecord } from './task-record';

/** A 佐证材料 file of a task, stored content-addressed; `updateId` once a progress report cites it. */
@Entity('evidence_files')
export class EvidenceFile extends TaskRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'update_id', nullable: true }) updateId: string | null;
  @Column('varchar', { name: 'file_name' }) fileName: string;
  @Column('int', { name: 'size_bytes' }) sizeBytes: number;
  @Column('char', { length: 64 }) sha256: string;
  @Column('varchar', { name: 'storage_path' }) storagePath: string;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
}
