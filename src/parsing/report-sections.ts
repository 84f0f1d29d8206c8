import { OutlineNode } from './outline';
import { isIssueKind } from './sections';
import { trimSpan } from './spans';
import { ReportSection, SectionKind } from './types';

export interface TopSection {
  node: OutlineNode;
  kind: SectionKind;
}

/**
 * Kinds of the top-level parts. A part whose heading names no kind (提高政治站位，强化组织领导) is part of
 * the achievements while no problems or plans part has come yet, and `other` after that.
 */
export function resolveTopSections(root: OutlineNode): TopSection[] {
  let afterIssues = false;
  return root.children.map((node) => {
    const kind = node.kinds[0] ?? (afterIssues ? 'other' : 'achievements');
    if (isIssueKind(kind)) afterIssues = true;
    return { node, kind };
  });
}

/**
 * Flat, ordered, non-overlapping sections; a part with labelled sub-sections (不足：原因：整改情况：) is
 * split into its heading part and those sub-sections.
 */
export function flattenSections(text: string, tops: TopSection[]): ReportSection[] {
  const result: ReportSection[] = [];
  for (const { node, kind } of tops) emit(text, node, kind, result);
  return result;
}

function emit(text: string, node: OutlineNode, kind: SectionKind, result: ReportSection[]): void {
  // The duties of the first responsible person (履行统筹谋划职责) are no plans sections.
  const subsections = node.children.filter(
    (child) =>
      child.container && child.kinds.length > 0 && !(kind === 'leadership' && child.kinds[0] === 'plans'),
  );
  const heading = text.slice(node.start, node.headingEnd).trim();
  const end = subsections.length > 0 ? subsections[0].start : node.end;
  const span = trimSpan(text, node.start, end);
  result.push({ kind, heading, start: span.start, end: span.end });
  for (const child of subsections) emit(text, child, child.kinds[0], result);
}

/** The year a plans heading (2025年工作计划) says comes next: the one before it, or itself for 下半年 plans. */
export function yearBeforePlans(sections: ReportSection[]): number | null {
  for (const section of sections) {
    if (section.kind !== 'plans') continue;
    const named = /(20\d{2})\s*年/.exec(section.heading);
    if (named) return Number(named[1]) - (/下半年/.test(section.heading) ? 0 : 1);
  }
  return null;
}

/**
 * The year the plans part is about: the one its heading names (2025年工作计划); the report's own year when the
 * report covers the first half (上半年) or the plans the second (下半年工作打算); else the year after the report.
 */
export function planYearOf(
  sections: ReportSection[],
  reportYear: number | null,
  title: string | null = null,
): number | null {
  const plans = sections.filter((section) => section.kind === 'plans');
  for (const section of plans) {
    const named = /(20\d{2})\s*年/.exec(section.heading);
    if (named) return Number(named[1]);
  }
  if (reportYear === null) return null;
  const halfYear =
    (title !== null && /上半年/.test(title)) || plans.some((section) => /下半年/.test(section.heading));
  return halfYear ? reportYear : reportYear + 1;
}
