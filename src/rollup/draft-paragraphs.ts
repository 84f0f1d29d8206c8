import { chineseNumber, compactDates, repeatedPhrase } from './draft-text';
import { DraftParagraph, ParagraphStyle } from './draft-types';

export interface Sources {
  taskIds?: string[];
  itemIds?: string[];
  entryIds?: string[];
}

export function paragraph(
  id: string,
  text: string,
  sources: Sources = {},
  style: ParagraphStyle = 'body',
): DraftParagraph {
  return {
    id,
    style,
    text,
    sourceTaskIds: [...new Set(sources.taskIds ?? [])],
    sourceItemIds: [...new Set(sources.itemIds ?? [])],
    ...(sources.entryIds?.length ? { sourceEntryIds: [...new Set(sources.entryIds)] } : {}),
  };
}

export function subheading(id: string, ordinal: number, text: string, sources: Sources = {}): DraftParagraph {
  return paragraph(id, `${levelTwo(ordinal)}${text}`, sources, 'subheading');
}

export function placeholder(id: string, text: string): DraftParagraph {
  return { ...paragraph(id, text), placeholder: true };
}

/** （一）, （二）…: the second level of an official document's numbering. */
export function levelTwo(ordinal: number): string {
  return `（${chineseNumber(ordinal)}）`;
}

/** Sentences are not run on past this length; a longer run starts a new paragraph, as a clerk would break it. */
const PARAGRAPH_CHARS = 280;
/** Clauses of one sentence (a problem's measures) run longer, but not without end. */
const SENTENCE_CHARS = 800;

/**
 * Builds the text of one or more paragraphs piece by piece. Each piece comes in variants (the templates' wordings),
 * tried in order until one keeps the paragraph free of a repeated 12-character phrase; when none does, the piece
 * starts a new paragraph instead. Dates of a year already named lose the year (compactDates).
 */
export class Prose {
  private readonly texts: string[];
  private inSentence = false;

  constructor(lead = '') {
    this.texts = [lead];
    this.inSentence = lead !== '';
  }

  /** Continues the current sentence: `separator` then a variant; a new paragraph drops the separator. */
  clause(variants: string[], separator = '；'): this {
    if ([...this.texts[this.index]].length >= SENTENCE_CHARS) this.end().texts.push('');
    const last = this.texts.length - 1;
    const glue = this.inSentence && !this.texts[last].endsWith('，') ? separator : '';
    const fitting = variants
      .map((variant) => compactDates(this.texts[last] + glue + variant))
      .find((candidate) => repeatedPhrase(candidate) === null);
    if (fitting !== undefined) this.texts[last] = fitting;
    else if (this.texts[last] === '') this.texts[last] = compactDates(variants[0]);
    else {
      this.end();
      this.texts.push(compactDates(variants[0]));
    }
    this.inSentence = true;
    return this;
  }

  /** A whole sentence (its variants end with their own 。), starting a new paragraph when this one is long enough. */
  sentence(variants: string[]): this {
    this.end();
    if ([...this.texts[this.index]].length >= PARAGRAPH_CHARS) this.texts.push('');
    this.clause(variants, '');
    this.inSentence = false;
    return this;
  }

  /** Closes an open sentence with 。; a lead (针对…的问题，) waiting for its first clause stays open. */
  end(): this {
    const last = this.texts.length - 1;
    if (this.texts[last].endsWith('，')) return this;
    if (this.inSentence && !/[。：！？]$/u.test(this.texts[last])) this.texts[last] += '。';
    this.inSentence = false;
    return this;
  }

  /** The paragraph the last piece went into. */
  get index(): number {
    return this.texts.length - 1;
  }

  /** The texts, one per paragraph; empty only when nothing was written. */
  paragraphs(): string[] {
    this.end();
    return this.texts.filter((text) => text !== '');
  }
}
