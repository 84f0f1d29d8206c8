import { checkDraftCompleteness } from './completeness';
import { Draft } from './draft-types';

export interface ParagraphEdit {
  paragraphId: string;
  text: string;
}

/**
 * Lays the office's edits over a generated draft: an edited paragraph shows the edited text, marked, with the
 * generated text alongside so the office sees what a rebuild would have written.
 */
export function applyEdits(draft: Draft, edits: ParagraphEdit[]): Draft {
  const byId = new Map(edits.map((edit) => [edit.paragraphId, edit.text]));
  const sections = draft.sections.map((section) => ({
    ...section,
    paragraphs: section.paragraphs.map((paragraph) => {
      const text = byId.get(paragraph.id);
      return text === undefined
        ? paragraph
        : { ...paragraph, text, edited: true, generatedText: paragraph.text };
    }),
  }));
  return { ...draft, sections, completeness: checkDraftCompleteness(sections) };
}

export function hasParagraph(draft: Draft, paragraphId: string): boolean {
  return draft.sections.some((section) =>
    section.paragraphs.some((paragraph) => paragraph.id === paragraphId),
  );
}
