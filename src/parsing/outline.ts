import { detectLineMarker, LineMarker, MarkerStyle, splitHeading, STYLE_RANK } from './headings';
import { PROBLEM_PREDICATES } from './cue-words';
import { PAIRED_PROBLEM_LABEL } from './cues';
import { classifyHeading, classifyLabel, looksLikeSectionLabel } from './sections';
import { Span } from './spans';
import { SectionKind } from './types';

export interface OutlineNode {
  style: MarkerStyle | 'label' | 'root';
  /** Depth in the canonical numbering hierarchy; a label sits half a step below its parent. */
  rank: number;
  /** Number of the marker (3 for 三、), 0 for labels. */
  value: number;
  /** Start of the heading line, marker included. */
  start: number;
  headingEnd: number;
  bodyStart: number;
  end: number;
  /** Heading text without its marker and closing punctuation. */
  heading: string;
  /** Section kinds the heading announces; empty for a topic heading. */
  kinds: SectionKind[];
  /** The heading labels a section (存在的问题) instead of naming one point (加强执法队伍建设). */
  container: boolean;
  children: OutlineNode[];
}

const CLAUSE_END = /[；;。]/;
const ATTACHMENTS = /^附件\s*(?:[：:\d一二三四五六七八九十]|$)/;
const COLON_LABEL = /^([^，,。；;：:]{1,24})[：:]/;
const MAX_STANDALONE_LABEL = 25;

/**
 * Builds the heading tree of the report body from its numbered lines and sub-labels. Numbering styles nest
 * in the order they are met, falling back on the canonical order (一、 > （一） > 1. > （1）) when a style
 * shows up where it cannot belong.
 */
export function buildOutline(
  text: string,
  lines: Span[],
  firstLine: number,
  reportYear: number | null,
): OutlineNode {
  const root: OutlineNode = {
    style: 'root',
    rank: -1,
    value: 0,
    start: 0,
    headingEnd: 0,
    bodyStart: 0,
    end: text.length,
    heading: '',
    kinds: [],
    container: true,
    children: [],
  };
  const stack: OutlineNode[] = [root];
  for (let i = firstLine; i < lines.length; i++) {
    const line = lines[i];
    if (line.end === line.start) continue;
    const lineText = text.slice(line.start, line.end);
    // The numbered list of attachments after the report is no part of its outline.
    if (ATTACHMENTS.test(lineText)) break;
    const marker = detectLineMarker(lineText);
    if (marker) {
      for (const point of numberedPointsOfLine(text, line, marker)) {
        const split = splitHeading(text, point.start + point.marker.length, point.end);
        const node = newNode(
          text,
          marker.style,
          STYLE_RANK[marker.style],
          point.start,
          point.start + point.marker.length,
          split.headingEnd,
          split.bodyStart,
        );
        node.value = point.marker.value;
        insertNumbered(stack, node, point.marker.value);
        const topLevel = stack[stack.length - 2] === root;
        node.kinds = classifyHeading(node.heading, reportYear);
        node.container =
          topLevel ||
          (node.kinds.length > 0 && looksLikeSectionLabel(node.heading) && !statesOneProblem(node.heading));
      }
      continue;
    }
    const label = detectLabel(lineText);
    if (
      label &&
      !repeatsEnclosingKind(stack, label) &&
      !answeredProblem(stack, lineText.slice(0, label.headingLength))
    ) {
      const node = newNode(
        text,
        'label',
        0,
        line.start,
        line.start,
        line.start + label.headingLength,
        line.start + label.bodyOffset,
      );
      node.kinds = label.kinds;
      node.container = true;
      insertLabel(stack, node, label.standalone);
    }
  }
  closeNode(root, text.length);
  return root;
}

const PROBLEM_PREDICATE = new RegExp(PROBLEM_PREDICATES.join('|'));

/** `依法行政能力与示范创建要求还有差距` says what is wrong (a point); `存在的问题`, `仍存在的不足` name a part. */
function statesOneProblem(heading: string): boolean {
  return PROBLEM_PREDICATE.test(heading);
}

/**
 * `1.充实…；2.提升…；3.增强…。` on one line: each point of the same numbering that follows a `；` or `。`
 * counting on from the line's own marker is a sibling of its own.
 */
function numberedPointsOfLine(
  text: string,
  line: Span,
  first: LineMarker,
): Array<Span & { marker: LineMarker }> {
  const points: Array<Span & { marker: LineMarker }> = [{ start: line.start, end: line.end, marker: first }];
  let expected = first.value + 1;
  for (let i = line.start + first.length; i < line.end; i++) {
    if (!CLAUSE_END.test(text[i])) continue;
    let at = i + 1;
    while (at < line.end && text[at] === ' ') at++;
    const marker = detectLineMarker(text.slice(at, line.end));
    if (!marker || marker.style !== first.style || marker.value !== expected) continue;
    points[points.length - 1].end = at;
    points.push({ start: at, end: line.end, marker });
    expected++;
  }
  return points;
}

function newNode(
  text: string,
  style: OutlineNode['style'],
  rank: number,
  start: number,
  headingStart: number,
  headingEnd: number,
  bodyStart: number,
): OutlineNode {
  return {
    style,
    rank,
    value: 0,
    start,
    headingEnd,
    bodyStart,
    end: start,
    heading: text.slice(headingStart, headingEnd).trim(),
    kinds: [],
    container: false,
    children: [],
  };
}

function insertNumbered(stack: OutlineNode[], node: OutlineNode, value: number): void {
  const same = findLastIndex(stack, (n) => n.style === node.style);
  if (same <= 0 && continuesInOtherStyle(stack[stack.length - 1], node, value)) {
    node.rank = stack[stack.length - 1].rank;
    stack.pop();
  } else if (same > 0) {
    stack.length = same;
  } else if (continuesListAboveLabel(stack, node.style, value)) {
    stack.pop();
  } else {
    while (stack.length > 1 && stack[stack.length - 1].rank >= node.rank) stack.pop();
  }
  attach(stack, node);
}

/**
 * `1.… 2.… （3）… （4）…`: a nested list would start at 1, so a point numbered on from the one before it, with
 * nothing under that one yet, continues the same list in another style.
 */
function continuesInOtherStyle(top: OutlineNode, node: OutlineNode, value: number): boolean {
  const wouldNest = node.rank > top.rank && top.style !== 'root' && top.style !== 'label';
  return (
    wouldNest && value > 1 && top.style !== node.style && top.children.length === 0 && top.value === value - 1
  );
}

/** `1.… 整改措施：… 2.…`: the 2. continues the list the label interrupted, it does not belong to the label. */
function continuesListAboveLabel(stack: OutlineNode[], style: OutlineNode['style'], value: number): boolean {
  const top = stack[stack.length - 1];
  if (top.style !== 'label' || value <= 1) return false;
  const siblings = stack[stack.length - 2].children;
  for (let i = siblings.length - 1; i >= 0; i--) {
    if (siblings[i].style === style) return siblings[i].value === value - 1;
  }
  return false;
}

/**
 * A sub-label (不足：) belongs to the nearest enclosing section, a label before it at that level being its
 * sibling. An unnumbered heading line (存在的主要问题) closes sections that do not announce its kind.
 */
function insertLabel(stack: OutlineNode[], node: OutlineNode, standalone: boolean): void {
  while (stack.length > 1) {
    const top = stack[stack.length - 1];
    const encloses =
      top.container && top.style !== 'label' && (!standalone || top.kinds.includes(node.kinds[0]));
    if (encloses) break;
    stack.pop();
  }
  const parent = stack[stack.length - 1];
  // At the top, an unnumbered section heading ranks with the numbered sections around it (一、… 存在的问题 … 三、…).
  const numberedSibling =
    parent.style === 'root' ? parent.children.find((child) => child.style !== 'label') : undefined;
  node.rank = numberedSibling ? numberedSibling.rank : parent.rank + 0.5;
  attach(stack, node);
}

/** `问题：…` / `整改情况：…` pairs in a rectification part: the 问题 line is the problem answered, not a problems part. */
function answeredProblem(stack: OutlineNode[], label: string): boolean {
  return enclosingSection(stack)?.kinds[0] === 'rectification' && PAIRED_PROBLEM_LABEL.test(label.trim());
}

/** `整改情况：` inside a section that is only about rectification is body text, not a sub-section. */
function repeatsEnclosingKind(stack: OutlineNode[], label: LabelMatch): boolean {
  const enclosing = enclosingSection(stack);
  return (
    enclosing !== undefined &&
    enclosing.kinds.length === 1 &&
    label.kinds.length === 1 &&
    enclosing.kinds[0] === label.kinds[0]
  );
}

/** The innermost open section whose heading announces a kind. */
function enclosingSection(stack: OutlineNode[]): OutlineNode | undefined {
  return [...stack].reverse().find((n) => n.container && n.kinds.length > 0);
}

function attach(stack: OutlineNode[], node: OutlineNode): void {
  stack[stack.length - 1].children.push(node);
  stack.push(node);
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

function closeNode(node: OutlineNode, end: number): void {
  node.end = end;
  node.children.forEach((child, i) =>
    closeNode(child, i + 1 < node.children.length ? node.children[i + 1].start : end),
  );
}

interface LabelMatch {
  kinds: SectionKind[];
  standalone: boolean;
  headingLength: number;
  bodyOffset: number;
}

/** `不足：一是…`, `整改情况：`, or a short line of its own such as `存在的主要问题`. */
function detectLabel(line: string): LabelMatch | null {
  const colon = COLON_LABEL.exec(line);
  if (colon) {
    const kinds = classifyLabel(colon[1]);
    if (kinds.length > 0)
      return { kinds, standalone: false, headingLength: colon[1].length, bodyOffset: colon[0].length };
  }
  const bare = line.replace(/[：:。.]+$/, '');
  if (bare.length <= MAX_STANDALONE_LABEL && !/[，,。；;！？!?]/.test(bare)) {
    const kinds = classifyLabel(bare);
    if (kinds.length > 0)
      return { kinds, standalone: true, headingLength: bare.length, bodyOffset: line.length };
  }
  return null;
}
