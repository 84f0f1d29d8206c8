import {
  CAUSE_CUE,
  isClosing,
  isStrongClosing,
  isNothing,
  isSignature,
  MEASURE_CUE,
  namesArea,
  PLAN_CUE,
  statesProblem,
} from './cues';
import { anyOf, LINKS, SHORTCOMINGS } from './cue-words';
import { findEnumerations } from './enumerations';
import { OutlineNode } from './outline';
import { inlineCauseStart, pointsInRegion, RawPoint } from './points';
import { isIssueKind, itemKindOf } from './sections';
import { splitSegments } from './segments';
import { RowCells } from './table-rows';
import { paragraphsIn, trimSpan } from './spans';
import { titleFrom } from './titles';
import { ItemKind, SectionKind } from './types';

export interface RawItem {
  kind: ItemKind;
  start: number;
  end: number;
  title: string;
  headingPath: string[];
  cells?: RowCells;
}

/** Walks the sections of the outline and collects the items of its problems, causes, rectification and plans parts. */
export function extractItems(
  text: string,
  sections: Array<{ node: OutlineNode; kind: SectionKind }>,
): RawItem[] {
  const items: RawItem[] = [];
  for (const { node, kind } of sections) {
    if (isIssueKind(kind)) collectSection(text, node, kind, [node.heading], items);
    else collectNestedSections(text, node, [node.heading], items, kind);
  }
  // A short report without any headings still says what is wrong and what comes next, in plain paragraphs.
  const regions =
    sections.length > 0
      ? sections
      : [{ node: { heading: '', bodyStart: 0, end: text.length }, kind: 'achievements' as SectionKind }];
  if (!items.some((item) => item.kind === 'problem') && !sections.some(({ kind }) => kind === 'problems')) {
    items.unshift(...problemsAdmittedInAchievements(text, regions));
  }
  if (sections.length === 0) items.push(...plansOfUnheadedReport(text));
  return items;
}

/** `下一步，我乡将……；……；……。`: in a report without headings, the paragraphs from the first one opening so. */
function plansOfUnheadedReport(text: string): RawItem[] {
  const opening = paragraphsIn(text, 0, text.length).find((paragraph) =>
    PLAN_CUE.test(text.slice(paragraph.start, paragraph.end)),
  );
  return opening
    ? pointsInRegion(text, opening.start, text.length, 'plan').map((point) => fromPoint(text, point, []))
    : [];
}

const PROBLEMS_ADMITTED = new RegExp(
  `(?:但|然而|同时)[^。！？]{0,40}?(?:存在|有)[^。！？]{0,12}?${anyOf(SHORTCOMINGS, ['薄弱环节'])}[^。！？]{0,12}?` +
    `(?:主要(?:表现)?${anyOf(LINKS)}|如下|[：:])`,
);

/**
 * A report without a problems part may still name its problems where the achievements end: `……取得了一定成效，
 * 但也要看到，……还存在一些不足，主要是：甲；乙；丙。`
 */
function problemsAdmittedInAchievements(
  text: string,
  sections: Array<{ node: Pick<OutlineNode, 'heading' | 'bodyStart' | 'end'>; kind: SectionKind }>,
): RawItem[] {
  for (const { node, kind } of sections) {
    if (kind !== 'achievements') continue;
    for (const paragraph of paragraphsIn(text, node.bodyStart, node.end)) {
      const admitted = PROBLEMS_ADMITTED.exec(text.slice(paragraph.start, paragraph.end));
      if (!admitted) continue;
      const before = text.slice(paragraph.start, paragraph.start + admitted.index);
      const sentenceStart =
        paragraph.start +
        Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？')) +
        1;
      return pointsInRegion(text, sentenceStart, paragraph.end, 'problem').map((point) =>
        fromPoint(text, point, [node.heading]),
      );
    }
  }
  return [];
}

/**
 * Sub-sections such as `（三）存在的问题` inside an achievements part still have items. Inside the part on the
 * first responsible person, `（一）履行统筹谋划职责` is a duty carried out, not a plans section.
 */
function collectNestedSections(
  text: string,
  node: OutlineNode,
  path: string[],
  items: RawItem[],
  partKind: SectionKind,
): void {
  for (const child of node.children) {
    const childPath = [...path, child.heading];
    const issue =
      child.container &&
      isIssueKind(child.kinds[0]) &&
      !(partKind === 'leadership' && child.kinds[0] === 'plans');
    if (issue) collectSection(text, child, child.kinds[0], childPath, items);
    else collectNestedSections(text, child, childPath, items, partKind);
  }
}

function collectSection(
  text: string,
  node: OutlineNode,
  kind: SectionKind,
  path: string[],
  items: RawItem[],
): void {
  const itemKind = itemKindOf(kind);
  if (!itemKind) return;
  const introEnd = node.children.length > 0 ? node.children[0].start : node.end;
  const allowed = node.kinds.map(itemKindOf).filter((k): k is ItemKind => k !== null);
  // `……一是…；二是…。针对上述问题，将从以下方面加以整改：` and then （一）（二）: the intro holds the problems and
  // the numbered points are the measures it announces.
  const announced =
    node.children.length > 0 && !node.children[0].container
      ? switchAtIntroEnd(text, node.bodyStart, introEnd, itemKind)
      : null;
  if (announced) {
    for (const point of pointsInRegion(text, node.bodyStart, announced.at, itemKind, allowed))
      items.push(fromPoint(text, point, path));
  } else if (node.children.every((child) => child.container)) {
    // Before numbered points the intro only announces them; before sub-sections it can hold points itself.
    for (const point of pointsInRegion(text, node.bodyStart, introEnd, itemKind, allowed))
      items.push(fromPoint(text, point, path));
  }
  const childKind = announced?.kind ?? itemKind;
  node.children.forEach((child, i) => {
    const childPath = [...path, child.heading];
    if (child.container && child.kinds.length > 0) {
      if (isIssueKind(child.kinds[0])) collectSection(text, child, child.kinds[0], childPath, items);
    } else if (child.children.length > 0) {
      collectSection(
        text,
        { ...child, bodyStart: child.children[0].start },
        SECTION_OF_ITEM[childKind],
        childPath,
        items,
      );
    } else {
      items.push(...topicItems(text, child, childKind, path, i === node.children.length - 1));
    }
  });
}

const SECTION_OF_ITEM: Record<ItemKind, SectionKind> = {
  problem: 'problems',
  cause: 'causes',
  measure: 'rectification',
  plan: 'plans',
};

/** A problems intro whose last sentence announces causes, measures or plans with a colon, and where it starts. */
function switchAtIntroEnd(
  text: string,
  from: number,
  end: number,
  kind: ItemKind,
): { kind: ItemKind; at: number } | null {
  if (kind !== 'problem' && kind !== 'cause') return null;
  const segments = splitSegments(text, from, end);
  const last = segments[segments.length - 1];
  if (!last) return null;
  const sentence = text.slice(last.start, last.end).trim();
  if (!/[：:]$/.test(sentence)) return null;
  const switched =
    kind === 'problem' && CAUSE_CUE.test(sentence)
      ? 'cause'
      : MEASURE_CUE.test(sentence)
        ? 'measure'
        : PLAN_CUE.test(sentence)
          ? 'plan'
          : null;
  return switched && switched !== kind ? { kind: switched, at: last.start } : null;
}

function fromPoint(text: string, point: RawPoint, path: string[]): RawItem {
  return {
    kind: point.kind,
    start: point.start,
    end: point.end,
    title: titleFrom(text.slice(point.titleStart, point.end)),
    headingPath: path,
    cells: point.cells,
  };
}

/**
 * A numbered point: its heading line and the paragraphs under it, without a closing or signature that
 * follows. A paragraph opening with 究其原因 or 针对上述问题 after a problem starts other items, and so
 * does a 究其原因 sentence inside the problem.
 */
function topicItems(
  text: string,
  node: OutlineNode,
  kind: ItemKind,
  path: string[],
  last: boolean,
): RawItem[] {
  const paragraphs = paragraphsIn(text, node.start, node.end);
  const headingOnly = node.bodyStart >= paragraphs[0].end;
  let keep = paragraphs.length;
  let switchAt: number | null = null;
  for (let i = 1; i < paragraphs.length; i++) {
    const paragraph = text.slice(paragraphs[i].start, paragraphs[i].end);
    const afterBody = i > (headingOnly ? 1 : 0);
    const closes = last && (isStrongClosing(paragraph) || (afterBody && isClosing(paragraph, kind)));
    if (isSignature(paragraph) || isNothing(paragraph) || closes) {
      keep = i;
      break;
    }
    if (switchesKind(paragraph, kind)) {
      keep = i;
      switchAt = paragraphs[i].start;
      break;
    }
  }
  const result: RawItem[] = [];
  let span = trimSpan(text, node.start, paragraphs[keep - 1].end, '；;，,、');
  // `1.执法力量不足。……究其原因，是……`: the cause given inside a problem point is an item of its own.
  const causeAt = kind === 'problem' ? inlineCauseStart(text, node.bodyStart, span.end) : null;
  if (causeAt !== null) {
    span = trimSpan(text, node.start, causeAt);
    switchAt = causeAt;
  }
  if (headsList(text, node, span.end, kind)) {
    const innerPath = [...path, node.heading];
    for (const point of pointsInRegion(text, node.bodyStart, span.end, kind))
      result.push(fromPoint(text, point, innerPath));
    if (result.length > 0) return [...result, ...switchedItems(text, switchAt, node.end, kind, path)];
  }
  const body = titleFrom(text.slice(node.bodyStart, span.end));
  // `（二）执法规范方面。对……逐一整改` is titled by what was done, not by the area.
  const title = (namesArea(node.heading) && body) || titleFrom(node.heading) || body;
  if (title) result.push({ kind, start: span.start, end: span.end, title, headingPath: path });
  return [...result, ...switchedItems(text, switchAt, node.end, kind, path)];
}

function switchedItems(
  text: string,
  from: number | null,
  end: number,
  kind: ItemKind,
  path: string[],
): RawItem[] {
  return from === null
    ? []
    : pointsInRegion(text, from, end, kind).map((point) => fromPoint(text, point, path));
}

/**
 * `（一）思想认识方面。一是……二是……`: when the heading names an area (or, for problems, states no problem)
 * and the body lists points, the points are the items.
 */
function headsList(text: string, node: OutlineNode, end: number, kind: ItemKind): boolean {
  const area = namesArea(node.heading);
  if (!area && !((kind === 'problem' || kind === 'cause') && !statesProblem(node.heading))) return false;
  return findEnumerations(text, node.bodyStart, end).some((chain) => chain.points.length >= 2);
}

function switchesKind(paragraph: string, kind: ItemKind): boolean {
  if (kind === 'problem')
    return CAUSE_CUE.test(paragraph) || MEASURE_CUE.test(paragraph) || PLAN_CUE.test(paragraph);
  if (kind === 'cause') return MEASURE_CUE.test(paragraph) || PLAN_CUE.test(paragraph);
  return false;
}
