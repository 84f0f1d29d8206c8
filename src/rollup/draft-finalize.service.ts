import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';
import { ReportsService } from '../reports/reports.service';
import { Draft, DraftParagraph } from './draft-types';
import { renderDraftDocx } from './render-docx';
import { RollupService } from './rollup.service';

export interface FinalizedReport {
  reportId: string;
  /** The same text was finalized before: the report stored then. */
  duplicate: boolean;
  /** 【待补充】 notes nobody filled, left out of the stored report. */
  omittedPlaceholders: number;
}

/**
 * 定稿: the draft with the office's edits becomes the organization's report for the year, stored and parsed exactly
 * as an uploaded one (a Word file through the same reader and parser), so its problems and plans go through the
 * same import review and next year's tasks are made without retyping.
 */
@Injectable()
export class DraftFinalizeService {
  constructor(
    private readonly rollup: RollupService,
    private readonly reports: ReportsService,
  ) {}

  async finalize(user: AuthUser, year: number, asOf?: string): Promise<FinalizedReport> {
    const draft = await this.rollup.getDraft(user.organizationId, year, asOf);
    const { final, omitted } = withoutPlaceholders(draft);
    const buffer = await renderDraftDocx(final);
    const stored = await this.reports.upload(user, {
      fileName: `${year}年法治政府建设情况报告.docx`,
      buffer,
    });
    return { reportId: stored.id, duplicate: stored.duplicate, omittedPlaceholders: omitted };
  }
}

const INLINE_NOTE = /[，；]?[^，。；！？【]*【待补充[^】]*】/gu;

/**
 * The draft without the 【待补充】 notes nobody filled: a submitted report does not carry them. A paragraph that is
 * only a note goes; a note inside a sentence takes the clause that leads into it along (…，主要原因是【待补充】).
 */
export function withoutPlaceholders(draft: Draft): { final: Draft; omitted: number } {
  let omitted = 0;
  const keep = (paragraphs: DraftParagraph[]) =>
    paragraphs.flatMap((paragraph) => {
      if (paragraph.placeholder === true && !paragraph.edited) {
        omitted++;
        return [];
      }
      const text = paragraph.text
        .replace(INLINE_NOTE, () => {
          omitted++;
          return '';
        })
        .replace(/。{2,}/gu, '。')
        .trim();
      return text ? [{ ...paragraph, text }] : [];
    });
  return {
    final: {
      ...draft,
      preamble: keep(draft.preamble),
      sections: draft.sections.map((section) => ({ ...section, paragraphs: keep(section.paragraphs) })),
      closing: keep(draft.closing),
    },
    omitted,
  };
}
