import {
  ACHIEVEMENT_LABELS,
  anyOf,
  CARRIED_OUT,
  HARDSHIPS,
  INSPECTIONS,
  LABEL_OPENINGS,
  PLAN_LABELS,
  REMEDIES,
  SHORTCOMINGS,
} from './cue-words';
import { SectionKind } from './types';

export type IssueKind = 'problems' | 'causes' | 'rectification' | 'plans';
export const ISSUE_KINDS: readonly SectionKind[] = ['problems', 'causes', 'rectification', 'plans'];

export function isIssueKind(kind: SectionKind | undefined): kind is IssueKind {
  return kind !== undefined && ISSUE_KINDS.includes(kind);
}

interface KindRule {
  kind: SectionKind;
  pattern: RegExp;
  /** A hit is ignored when the clause before it contains one of these (topic headings such as 补齐执法短板). */
  unless?: RegExp;
}

const CLAUSE_BREAK = /[，,。；;：:]/;

const RULES: KindRule[] = [
  { kind: 'leadership', pattern: /第一责任人|主要负责(?:人|同志)[^，,。]{0,16}(?:职责|情况)|述法/g },
  {
    kind: 'problems',
    // The last lookahead: in `产生问题的原因`, `存在问题的原因分析` the problem noun only qualifies 原因.
    pattern: new RegExp(
      `(?:存在[^，,。；]{0,8}?${anyOf(SHORTCOMINGS, ['困难', '薄弱'])}|面临[^，,。；]{0,6}?(?:问题|困难|挑战)|(?:需要|有待|亟待|仍需)改进|` +
        `${anyOf(
          SHORTCOMINGS.filter((word) => word !== '问题'),
          HARDSHIPS,
          ['瓶颈'],
        )}|问题(?!导向|清单|台账))` +
        '(?!的?整改)(?![^，,。；;及和与、]{0,4}(?:原因|成因|根源))',
      'g',
    ),
    unless: new RegExp(anyOf(REMEDIES, INSPECTIONS, ['整改', '针对', '对照'])),
  },
  { kind: 'causes', pattern: /原因|成因|根源(?!上)/g },
  {
    kind: 'rectification',
    pattern: new RegExp(
      `整改|${anyOf(INSPECTIONS, ['审计'])}的?问题|改进(?:措施|举措)|对策|解决措施|应对措施|` +
        '(?:问题|不足)[^，,。；]{0,6}?采取的?(?:措施|举措)',
      'g',
    ),
  },
  {
    kind: 'plans',
    pattern: new RegExp(PLAN_LABELS.join('|'), 'g'),
    unless: new RegExp(anyOf(CARRIED_OUT)),
  },
  {
    kind: 'achievements',
    pattern: new RegExp(ACHIEVEMENT_LABELS.join('|'), 'g'),
  },
  { kind: 'other', pattern: /其他|其它/g },
];

/**
 * What a heading announces, by meaning: `存在的不足、原因和问题整改情况` → problems, causes, rectification
 * (in the order they are named). Leadership wins over everything; the issue kinds win over achievements.
 * An empty list means the heading is a topic (加强队伍建设) rather than a section label.
 */
const MAX_HEADING = 120;

export function classifyHeading(fullHeading: string, reportYear: number | null = null): SectionKind[] {
  const heading = fullHeading.slice(0, MAX_HEADING);
  const hits = new Map<SectionKind, number>();
  const severalClauses = /[，,；;]/.test(heading);
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(heading); m; m = rule.pattern.exec(heading)) {
      if (rule.unless && rule.unless.test(clauseBefore(heading, m.index))) continue;
      // In a topic-shaped heading (加强执法监督，推进问题整改) only a clause worded like a section label counts.
      if (severalClauses && isIssueKind(rule.kind) && !looksLikeSectionLabel(clauseAround(heading, m.index)))
        continue;
      hits.set(rule.kind, m.index);
      break;
    }
  }
  if (hits.has('leadership')) return ['leadership'];
  const issues = [...hits.entries()].filter(([kind]) => isIssueKind(kind)).sort((a, b) => a[1] - b[1]);
  if (issues.length > 0) {
    // `2023年工作情况及存在问题` is an achievements part that ends with problems, not a problems part.
    const achievementsFirst = (hits.get('achievements') ?? Infinity) < issues[0][1];
    return [
      ...(achievementsFirst ? (['achievements'] as SectionKind[]) : []),
      ...issues.map(([kind]) => kind),
    ];
  }
  // Work of a year after the report's (2025年度主要工作) is planned, not done.
  if (hits.has('achievements'))
    return reportYear !== null && namesLaterYear(heading, reportYear) ? ['plans'] : ['achievements'];
  if (hits.has('other')) return ['other'];
  if (reportYear !== null && namesLaterYear(heading, reportYear)) return ['plans'];
  return [];
}

function clauseBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1])) start--;
  return text.slice(start, index);
}

function clauseAround(text: string, index: number): string {
  let end = index;
  while (end < text.length && !CLAUSE_BREAK.test(text[end])) end++;
  return clauseBefore(text, index).replace(/^(?:及|和|与|以及|并)/, '') + text.slice(index, end);
}

function namesLaterYear(heading: string, reportYear: number): boolean {
  const years = heading.match(/20\d{2}(?=年)/g) ?? [];
  return years.some((y) => Number(y) > reportYear);
}

/** Section labels read like `存在的问题`, `2025年工作计划`, `原因分析`, not like a point (`执法力量不足`). */
const SECTION_PHRASE = new RegExp(`^(?:关于)?(?:20\\d{2}年度?)?(?:的)?${anyOf(LABEL_OPENINGS)}`);

export function looksLikeSectionLabel(heading: string): boolean {
  return heading.length <= 40 && SECTION_PHRASE.test(heading);
}

/** A sub-label such as `不足：`, `原因：`, `整改情况：`, or a short unnumbered heading line such as `存在的问题`. */
export function classifyLabel(label: string): SectionKind[] {
  const trimmed = label.replace(/[：:。.\s]+$/, '');
  if (trimmed.length === 0 || trimmed.length > 24 || /[，,。；;]/.test(trimmed)) return [];
  if (!looksLikeSectionLabel(trimmed)) return [];
  return classifyHeading(trimmed).filter(isIssueKind);
}

export function itemKindOf(kind: SectionKind): 'problem' | 'cause' | 'measure' | 'plan' | null {
  switch (kind) {
    case 'problems':
      return 'problem';
    case 'causes':
      return 'cause';
    case 'rectification':
      return 'measure';
    case 'plans':
      return 'plan';
    default:
      return null;
  }
}
