import type { SectionKind } from '../parsing/types';
import { Completeness, DRAFT_PART_KEYS, DraftPartKey, DraftSection } from './draft-types';

/** The five parts every annual report must have, with the section kinds the parser gives them. */
export const REQUIRED_PARTS: { key: DraftPartKey; heading: string; kinds: SectionKind[] }[] = [
  { key: 'achievements', heading: '主要举措和成效', kinds: ['achievements'] },
  { key: 'shortcomings', heading: '存在的不足和原因', kinds: ['problems', 'causes'] },
  { key: 'leadership', heading: '党政主要负责人履行推进法治建设第一责任人职责情况', kinds: ['leadership'] },
  { key: 'plans', heading: '下一年度主要安排', kinds: ['plans'] },
  { key: 'other', heading: '其他需要报告的情况', kinds: ['other'] },
];

/** A section counts as empty when there are fewer characters than this after its heading. */
const MIN_BODY_CHARS = 10;

export interface ParsedSectionLike {
  kind: SectionKind;
  heading: string;
  start: number;
  end: number;
}

/** Completeness of an imported report: which required parts the parser found, and whether they have a body. */
export function checkReportCompleteness(sections: ParsedSectionLike[], text: string): Completeness {
  const parts = REQUIRED_PARTS.map((part) => {
    const found = sections.filter((section) => part.kinds.includes(section.kind));
    const bodyChars = found.reduce(
      (sum, section) => sum + bodyLength(text.slice(section.start, section.end), section.heading),
      0,
    );
    return {
      key: part.key,
      heading: part.heading,
      present: found.length > 0,
      empty: found.length > 0 && bodyChars < MIN_BODY_CHARS,
    };
  });
  return summarize(parts);
}

/** Completeness of a draft: a part is empty when it holds only headings and placeholders. */
export function checkDraftCompleteness(sections: Pick<DraftSection, 'key' | 'paragraphs'>[]): Completeness {
  const parts = DRAFT_PART_KEYS.map((key) => {
    const section = sections.find((candidate) => candidate.key === key);
    const heading = REQUIRED_PARTS.find((part) => part.key === key)!.heading;
    const filled =
      section?.paragraphs.some(
        (p) => p.style === 'body' && (!p.placeholder || p.edited) && p.text.trim() !== '',
      ) ?? false;
    return { key, heading, present: section !== undefined, empty: section !== undefined && !filled };
  });
  return summarize(parts);
}

function bodyLength(sectionText: string, heading: string): number {
  const withoutHeading = sectionText.startsWith(heading) ? sectionText.slice(heading.length) : sectionText;
  return withoutHeading.replace(/\s/g, '').length;
}

function summarize(parts: Completeness['parts']): Completeness {
  const missing = parts.filter((part) => !part.present || part.empty).map((part) => part.heading);
  return { complete: missing.length === 0, parts, missing };
}
