import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Draft } from './draft-types';
import { ReportDraft } from './report-draft.entity';

/** report_drafts: the stored draft of each organization and year, as the last rebuild left it. */
@Injectable()
export class ReportDraftRepository {
  constructor(@InjectRepository(ReportDraft) private readonly drafts: Repository<ReportDraft>) {}

  /** Stores a rebuilt draft over the previous one, counting the builds and stamping when this one was built. */
  async store(organizationId: string, year: number, content: Draft, sourceHash: string): Promise<void> {
    await this.drafts.query(
      `INSERT INTO report_drafts (organization_id, year, content, source_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organization_id, year) DO UPDATE
         SET content = EXCLUDED.content, source_hash = EXCLUDED.source_hash,
             build_count = report_drafts.build_count + 1, built_at = now()`,
      [organizationId, year, JSON.stringify(content), sourceHash],
    );
  }

  find(organizationId: string, year: number): Promise<ReportDraft | null> {
    return this.drafts.findOneBy({ organizationId, year });
  }

  /** The draft a rebuild has just stored. */
  findStored(organizationId: string, year: number): Promise<ReportDraft> {
    return this.drafts.findOneByOrFail({ organizationId, year });
  }
}
