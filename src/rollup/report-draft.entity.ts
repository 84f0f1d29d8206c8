import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Draft } from './draft-types';

/** The generated draft, as the last rebuild left it; office edits live in DraftParagraphEdit. */
@Entity('report_drafts')
export class ReportDraft {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId: string;

  @PrimaryColumn('int')
  year: number;

  @Column('jsonb')
  content: Draft;

  @Column('char', { name: 'source_hash', length: 64 })
  sourceHash: string;

  @Column('int', { name: 'build_count' })
  buildCount: number;

  @Column('timestamptz', { name: 'built_at' })
  builtAt: Date;
}
