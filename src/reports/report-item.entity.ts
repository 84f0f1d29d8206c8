import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A problem, cause, measure or plan item of a report; `taskId` once it has been confirmed into a task. */
@Entity('report_items')
export class ReportItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('int') seq: number;
  @Column('varchar') kind: 'problem' | 'cause' | 'measure' | 'plan';
  @Column('text') title: string;
  @Column('text') text: string;
  @Column('int', { name: 'start_offset' }) startOffset: number;
  @Column('int', { name: 'end_offset' }) endOffset: number;
  @Column('text', { name: 'heading_path', array: true }) headingPath: string[];
  @Column('text', { name: 'suggested_units', array: true }) suggestedUnits: string[];
  @Column('date', { name: 'suggested_deadline', nullable: true }) suggestedDeadline: string | null;
  @Column('boolean', { name: 'long_term' }) longTerm: boolean;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId: string | null;
}
