import { RowCells, TableColumns } from './table-rows';
import { Span } from './spans';
import { ItemKind } from './types';

export interface RawPoint extends Span {
  kind: ItemKind;
  /** Where the title text starts (after an inline marker such as 一是). */
  titleStart: number;
  /** A table row's 责任单位 and 完成时限 cells. */
  cells?: RowCells;
}

/**
 * How the next paragraph is read. A table and a `问题：` line interrupt the mode they meet; when they end, reading goes
 * back to the mode they interrupted.
 */
export type Mode =
  /** Each sentence or `；` clause of a paragraph may start a point. */
  | { name: 'sentences' }
  /**
   * An unnumbered heading line (提升综合行政执法水平) opened a point and the paragraphs after it add to the last point,
   * up to the next heading line or a closing; while the body is awaited (the line has no full stop and nothing was added
   * yet) a short sentence (开展以案释法。) is that body rather than another heading.
   */
  | { name: 'heading'; bodyAwaited: boolean }
  /** Inside a table: one point a row, titled by the column its header (or a guess) names. */
  | { name: 'table'; columns: TableColumns; after: Mode }
  /** The last point is a `问题：` line whose `整改情况：` line may follow. */
  | { name: 'question'; after: Mode }
  /** A closing or the signature was met: nothing after it is a point. */
  | { name: 'stopped' };

export const SENTENCES: Mode = { name: 'sentences' };
export const STOPPED: Mode = { name: 'stopped' };

/** The reading of one passage: the points found, the kind they are of now, and the mode. */
export interface Reading {
  /** What points are read as now: `究其原因` switches problems to causes. */
  kind: ItemKind;
  mode: Mode;
  readonly points: RawPoint[];
  /** Kinds the section heading names besides the first (存在的问题和下一步打算): paragraphs may switch to them. */
  readonly allowed: readonly ItemKind[];
  /** One point per paragraph (`执法力量较为薄弱。综合执法队现有人员5名，……`), not one per sentence. */
  readonly paragraphPoints: boolean;
}

/** Text outside the inline lists, and where it stands: a paragraph's start, and whether a list follows it. */
export interface LoosePassage {
  span: Span;
  paragraphStart: boolean;
  leadsList: boolean;
}

export const TRAILING = '；;，,、：:';
