import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('draft_paragraph_edits')
export class DraftParagraphEdit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('int')
  year: number;

  @Column('varchar', { name: 'paragraph_id', length: 500 })
  paragraphId: string;

  @Column('text')
  text: string;

  @Column('uuid', { name: 'edited_by', nullable: true })
  editedBy: string | null;

  @Column('timestamptz', { name: 'edited_at' })
  editedAt: Date;
}
