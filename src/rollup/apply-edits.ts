import { checkDraftCompleteness } from './completeness';
import { chineseNumber } from './draft-text';
import { Draft, DraftParagraph, DraftPartKey } from './draft-types';

/** One paragraph's edits, as draft_paragraph_edits keeps them. */
export interface ParagraphEdit {
  paragraphId: string;
  /** Replaces the generated text; null keeps it. */
  text: string | null;
  removed: boolean;
  /** Set for a paragraph the office wrote itself. */
  addedStyle: 'body' | 'subheading' | null;
  /** Where the paragraph was put: after `afterParagraphId` in this part, or first when that is null. */
  sectionKey: string | null;
  afterParagraphId: string | null;
}

/**
 * Lays the office's edits over a generated draft: edited text (marked, the generated text kept alongside), removed
 * paragraphs, paragraphs moved or added (replayed in the order they were placed, `edits` being in that order), and
 * then the numbering of each part redone so （一）（二）… and 1. 2. … stay consecutive. An edit whose paragraph a
 * rebuild no longer generates waits, unused, until the paragraph comes back.
 */
export function applyEdits(draft: Draft, edits: ParagraphEdit[]): Draft {
  const byId = new Map(edits.map((edit) => [edit.paragraphId, edit]));
  const kept = (paragraph: DraftParagraph) => byId.get(paragraph.id)?.removed !== true;
  const retext = (paragraph: DraftParagraph): DraftParagraph => {
    const text = byId.get(paragraph.id)?.text;
    return text === null || text === undefined
      ? paragraph
      : { ...paragraph, text, edited: true, generatedText: paragraph.text };
  };
  const parts = new Map(draft.sections.map((section) => [section.key, section.paragraphs.map(retext)]));
  for (const edit of edits) {
    const target = edit.sectionKey ? parts.get(edit.sectionKey as DraftPartKey) : undefined;
    if (!target) continue;
    const moving = edit.addedStyle ? addedParagraph(edit) : takeOut(parts, edit.paragraphId);
    if (!moving) continue;
    const anchor = edit.afterParagraphId
      ? target.findIndex((paragraph) => paragraph.id === edit.afterParagraphId)
      : -1;
    const at = edit.afterParagraphId === null ? 0 : anchor === -1 ? target.length : anchor + 1;
    target.splice(at, 0, moving);
  }
  const sections = draft.sections.map((section) => ({
    ...section,
    paragraphs: renumber(parts.get(section.key)!.filter(kept)),
  }));
  return {
    ...draft,
    preamble: draft.preamble.filter(kept).map(retext),
    sections,
    closing: draft.closing.filter(kept).map(retext),
    completeness: checkDraftCompleteness(sections),
  };
}

function addedParagraph(edit: ParagraphEdit): DraftParagraph {
  return {
    id: edit.paragraphId,
    style: edit.addedStyle!,
    text: edit.text ?? '',
    sourceTaskIds: [],
    sourceItemIds: [],
    added: true,
    edited: true,
  };
}

function takeOut(parts: Map<DraftPartKey, DraftParagraph[]>, paragraphId: string): DraftParagraph | null {
  for (const paragraphs of parts.values()) {
    const index = paragraphs.findIndex((paragraph) => paragraph.id === paragraphId);
    if (index !== -1) return paragraphs.splice(index, 1)[0];
  }
  return null;
}

const LEVEL_TWO = /^（[一二三四五六七八九十]+）/u;
const LEVEL_THREE = /^\d{1,2}[.．](?!\d)/u;

/** Renumbers the lines that open with （一） or 1. in one part: 1. restarts under each （一）. */
export function renumber(paragraphs: DraftParagraph[]): DraftParagraph[] {
  let second = 0;
  let third = 0;
  return paragraphs.map((paragraph) => {
    const text = paragraph.text
      .split('\n')
      .map((line) => {
        if (LEVEL_TWO.test(line)) {
          third = 0;
          return line.replace(LEVEL_TWO, `（${chineseNumber(++second)}）`);
        }
        return LEVEL_THREE.test(line) ? line.replace(LEVEL_THREE, `${++third}.`) : line;
      })
      .join('\n');
    return text === paragraph.text ? paragraph : { ...paragraph, text };
  });
}

/** Every paragraph of the draft: preamble, parts, closing. */
export function allParagraphs(draft: Draft): DraftParagraph[] {
  return [...draft.preamble, ...draft.sections.flatMap((section) => section.paragraphs), ...draft.closing];
}
