import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import { allParagraphs } from './apply-edits';
import { DraftParagraphEdit } from './draft-paragraph-edit.entity';
import { AddParagraphDto, ChangeParagraphDto, ParagraphPositionDto } from './dto/edit-paragraph.dto';
import { DraftView, RollupService } from './rollup.service';

interface Editor {
  organizationId: string;
  year: number;
  editorId: string;
}

/**
 * The office's edits to a year's draft: text, removal, moves and added paragraphs. They are kept apart from the
 * generated draft, so a rebuild replaces what was generated and never what people wrote.
 */
@Injectable()
export class DraftEditsService {
  constructor(
    private readonly rollup: RollupService,
    @InjectRepository(DraftParagraphEdit) private readonly edits: Repository<DraftParagraphEdit>,
  ) {}

  async change(editor: Editor, paragraphId: string, change: ChangeParagraphDto): Promise<DraftView> {
    const draft = await this.rollup.getDraft(editor.organizationId, editor.year);
    const existing = await this.edits.findOneBy({
      organizationId: editor.organizationId,
      year: editor.year,
      paragraphId,
    });
    const paragraph = allParagraphs(draft).find((candidate) => candidate.id === paragraphId);
    if (!paragraph && !existing?.removed) throw new NotFoundError('草稿段落', 'DRAFT_PARAGRAPH_NOT_FOUND');
    const text = change.text === undefined ? (existing?.text ?? null) : requireText(change.text);
    if (change.position) this.checkPosition(draft, paragraphId, change.position);
    await this.save(editor, paragraphId, {
      text,
      removed: change.removed ?? existing?.removed ?? false,
      addedStyle: existing?.addedStyle ?? null,
      sectionKey: change.position?.sectionKey ?? existing?.sectionKey ?? null,
      afterParagraphId: change.position ? change.position.afterId : (existing?.afterParagraphId ?? null),
      placedAt: change.position ? new Date() : (existing?.placedAt ?? null),
    });
    return this.rollup.getDraft(editor.organizationId, editor.year);
  }

  async add(editor: Editor, added: AddParagraphDto): Promise<DraftView> {
    const draft = await this.rollup.getDraft(editor.organizationId, editor.year);
    const paragraphId = `added:${randomUUID()}`;
    this.checkPosition(draft, paragraphId, added);
    await this.save(editor, paragraphId, {
      text: requireText(added.text),
      removed: false,
      addedStyle: added.style ?? 'body',
      sectionKey: added.sectionKey,
      afterParagraphId: added.afterId,
      placedAt: new Date(),
    });
    return this.rollup.getDraft(editor.organizationId, editor.year);
  }

  /** Back to what the draft generates: the paragraph's own text and place; an added paragraph goes. */
  async revert(editor: Editor, paragraphId: string): Promise<DraftView> {
    const result = await this.edits.delete({
      organizationId: editor.organizationId,
      year: editor.year,
      paragraphId,
    });
    if (!result.affected) throw new NotFoundError('段落修改', 'DRAFT_EDIT_NOT_FOUND');
    return this.rollup.getDraft(editor.organizationId, editor.year);
  }

  /** Paragraphs go into one of the five parts, after a paragraph that is there (or first). */
  private checkPosition(draft: DraftView, paragraphId: string, position: ParagraphPositionDto): void {
    if (
      !draft.sections.some((section) => section.paragraphs.some((p) => p.id === paragraphId)) &&
      !paragraphId.startsWith('added:')
    )
      throw new InvalidInputError('DRAFT_PARAGRAPH_NOT_MOVABLE', '主送机关、开头段、落款和日期不能移动');
    const section = draft.sections.find((candidate) => candidate.key === position.sectionKey)!;
    const anchored =
      position.afterId === null ||
      (position.afterId !== paragraphId && section.paragraphs.some((p) => p.id === position.afterId));
    if (!anchored) throw new InvalidInputError('DRAFT_ANCHOR_NOT_FOUND', '要放在其后的段落不在该部分中');
  }

  private async save(
    editor: Editor,
    paragraphId: string,
    fields: Pick<
      DraftParagraphEdit,
      'text' | 'removed' | 'addedStyle' | 'sectionKey' | 'afterParagraphId' | 'placedAt'
    >,
  ): Promise<void> {
    await this.edits.upsert(
      {
        organizationId: editor.organizationId,
        year: editor.year,
        paragraphId,
        ...fields,
        editedBy: editor.editorId,
        editedAt: new Date(),
      },
      ['organizationId', 'year', 'paragraphId'],
    );
  }
}

/** Line breaks are kept (each line is a paragraph of the Word file), whatever system typed them. */
function requireText(text: string): string {
  if (!text.trim()) throw new InvalidInputError('DRAFT_TEXT_EMPTY', '段落文字不能为空');
  return text.replace(/\r\n?/g, '\n');
}
