import { Injectable, StreamableFile } from '@nestjs/common';
import { contentDisposition } from '../common/content-disposition';
import { renderDraftDocx as renderDocx } from './render-docx';
import { renderDraftMarkdown } from './render-markdown';
import { DraftFormat, DraftView, RollupService } from './rollup.service';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The draft in the format the path asked for: JSON, Word or Markdown. */
@Injectable()
export class DraftFilesService {
  constructor(private readonly rollup: RollupService) {}

  async render(
    organizationId: string,
    request: { year: number; format: DraftFormat; asOf?: string },
  ): Promise<DraftView | StreamableFile> {
    const draft = await this.rollup.getDraft(organizationId, request.year, request.asOf);
    if (request.format === 'json') return draft;
    const name = `${request.year}年法治政府建设情况报告（草稿）.${request.format}`;
    const disposition = contentDisposition('attachment', name, `draft-${request.year}.${request.format}`);
    if (request.format === 'docx')
      return new StreamableFile(await renderDocx(draft), { type: DOCX_TYPE, disposition });
    return new StreamableFile(Buffer.from(renderDraftMarkdown(draft), 'utf8'), {
      type: 'text/markdown; charset=utf-8',
      disposition,
    });
  }
}
