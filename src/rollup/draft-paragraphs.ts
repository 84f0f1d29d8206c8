import { chineseNumber, compactDatesFrom, REPEAT_LENGTH } from './draft-text';
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

interface Written {
  text: string;
  /** Every 12-character phrase the text holds, so a new piece is checked against them alone. */
  phrases: Set<string>;
  /** The year of the last full date, which a later date of that year leaves out. */
  lastYear: string | null;
  /** The ids given with the pieces that went into this paragraph. */
  ids: string[];
}

/**
 * Builds the text of one or more paragraphs piece by piece. Each piece comes in variants (the templates' wordings),
 * tried in order until one keeps the paragraph free of a repeated 12-character phrase; when none does, the piece
 * starts a new paragraph instead. Dates of a year already named lose the year (compactDatesFrom).
 */
export class Prose {
  private readonly written: Written[] = [];
  private inSentence = false;

  constructor(lead = '') {
    this.written.push(this.blank());
    this.place(lead, []);
    this.inSentence = lead !== '';
  }

  /** Continues the current sentence: `separator` then a variant; a new paragraph drops the separator. */
  clause(variants: string[], separator = '；', ids: string[] = []): this {
    if (this.current.text.length >= SENTENCE_CHARS) this.end().written.push(this.blank());
    const glue = this.inSentence && !this.current.text.endsWith('，') ? separator : '';
    if (!variants.some((variant) => this.tryPlace(glue + variant, ids))) {
      if (this.current.text !== '') this.end().written.push(this.blank());
      // In the new paragraph, the first variant that does not repeat itself (a title its outcome quotes).
      if (!variants.some((variant) => this.tryPlace(variant, ids))) this.place(variants[0], ids);
    }
    this.inSentence = true;
    return this;
  }

  /** A whole sentence (its variants end with their own 。), starting a new paragraph when this one is long enough. */
  sentence(variants: string[], ids: string[] = []): this {
    this.end();
    if (this.current.text.length >= PARAGRAPH_CHARS) this.written.push(this.blank());
    this.clause(variants, '', ids);
    this.inSentence = false;
    return this;
  }

  /** Closes an open sentence with 。; a lead (针对…的问题，) waiting for its first clause stays open. */
  end(): this {
    const { text } = this.current;
    if (text.endsWith('，')) return this;
    if (this.inSentence && !/[。：！？]$/u.test(text)) this.place('。', []);
    this.inSentence = false;
    return this;
  }

  /** The paragraph the last piece went into. */
  get index(): number {
    return this.written.length - 1;
  }

  /** The texts, one per paragraph; empty only when nothing was written. */
  paragraphs(): string[] {
    return this.pieces().map((piece) => piece.text);
  }

  /** Each paragraph's text with the ids given with its pieces. */
  pieces(): { text: string; ids: string[] }[] {
    this.end();
    return this.written.filter((piece) => piece.text !== '').map(({ text, ids }) => ({ text, ids }));
  }

  private get current(): Written {
    return this.written[this.index];
  }

  private blank(): Written {
    return { text: '', phrases: new Set(), lastYear: null, ids: [] };
  }

  /** Appends `addition` if no phrase of it (or running into it) is already in the paragraph. */
  private tryPlace(addition: string, ids: string[]): boolean {
    const piece = this.current;
    const compacted = compactDatesFrom(addition, piece.lastYear);
    const fresh = newPhrases(piece, compacted.text);
    if (!fresh) return false;
    this.commit(compacted, fresh, ids);
    return true;
  }

  /** Appends `addition` whatever it repeats (nothing else can be done with it). */
  private place(addition: string, ids: string[]): void {
    const compacted = compactDatesFrom(addition, this.current.lastYear);
    this.commit(compacted, allPhrases(this.current.text, compacted.text), ids);
  }

  private commit(
    compacted: { text: string; lastYear: string | null },
    phrases: string[],
    ids: string[],
  ): void {
    const piece = this.current;
    piece.text += compacted.text;
    piece.lastYear = compacted.lastYear;
    for (const phrase of phrases) piece.phrases.add(phrase);
    piece.ids.push(...ids);
  }
}

/** The phrases that appending `addition` to `text` creates: each holds at least one character of the addition. */
function allPhrases(text: string, addition: string): string[] {
  const joined = text.slice(-(REPEAT_LENGTH - 1)) + addition;
  const phrases: string[] = [];
  for (let i = 0; i + REPEAT_LENGTH <= joined.length; i++) phrases.push(joined.slice(i, i + REPEAT_LENGTH));
  return phrases;
}

/** Those phrases, or null when one of them is already in the paragraph or comes twice. */
function newPhrases(piece: Written, addition: string): string[] | null {
  const phrases = allPhrases(piece.text, addition);
  const fresh = new Set<string>();
  for (const phrase of phrases) {
    if (piece.phrases.has(phrase) || fresh.has(phrase)) return null;
    fresh.add(phrase);
  }
  return phrases;
}
