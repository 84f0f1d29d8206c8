export type SectionKind =
  'achievements' | 'leadership' | 'problems' | 'causes' | 'rectification' | 'plans' | 'other';
export type ItemKind = 'problem' | 'cause' | 'measure' | 'plan';

export interface ReportSection {
  kind: SectionKind;
  heading: string;
  start: number;
  end: number;
}

export interface ReportItem {
  kind: ItemKind;
  title: string;
  text: string;
  start: number;
  end: number;
  suggestedUnits: string[];
  suggestedDeadline: string | null;
  /** Enclosing headings (without markers), outermost first, for grouping plans under their headings. */
  headingPath: string[];
  /** The item says it is ongoing work (长期坚持, 常态化…). */
  longTerm: boolean;
}

export interface UnitKeywords {
  name: string;
  keywords: string[];
}

export interface ParseOptions {
  /** Replaces the default dictionary when given and non-empty. */
  unitKeywords?: UnitKeywords[];
  /**
   * The uploader's organization (石桥镇人民政府): when the report names no office in its title block or signature, a place
   * of the body that this organization names wins over the others.
   */
  knownOrganization?: string | null;
}

export interface ParseResult {
  organization: string | null;
  reportYear: number | null;
  planYear: number | null;
  title: string | null;
  responsiblePerson: string | null;
  sections: ReportSection[];
  items: ReportItem[];
  /** The normalized text every offset points into. */
  text: string;
}
