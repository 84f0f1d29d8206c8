import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The office's edit of one paragraph of a draft: its text, its removal, its place, or a paragraph it added. */
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

  /** Null keeps the generated text. */
  @Column('text', { nullable: true })
  text: string | null;

  @Column('boolean', { default: false })
  removed: boolean;

  @Column('varchar', { name: 'added_style', length: 16, nullable: true })
  addedStyle: 'body' | 'subheading' | null;

  @Column('varchar', { name: 'section_key', length: 32, nullable: true })
  sectionKey: string | null;

  @Column('varchar', { name: 'after_paragraph_id', length: 500, nullable: true })
  afterParagraphId: string | null;

  @Column('timestamptz', { name: 'placed_at', nullable: true })
  placedAt: Date | null;

  @Column('uuid', { name: 'edited_by', nullable: true })
  editedBy: string | null;

  @Column('timestamptz', { name: 'edited_at' })
  editedAt: Date;
}
