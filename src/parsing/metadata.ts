import { anyOf, LEADER_TITLES, OFFICES, PLACES, SURNAMES } from './cue-words';
import { detectLineMarker } from './headings';
import { chineseNumber } from './numerals';
import { Span } from './spans';

export interface Preamble {
  title: string | null;
  /** The issuing office named on a line of its own above or below the title. */
  organizationLine: string | null;
  /** First line of the report body (after the title block). */
  firstBodyLine: number;
}

const MAX_TITLE_LINE = 50;
// County departments (司法局, 市场监督管理局, 县委办公室), 苏木 and 旗 of Inner Mongolia and state forest farms report too.
const ORG_SUFFIX = anyOf(['街道办事处'], OFFICES, PLACES, ['市']);
const ORG_LINE = new RegExp(`^(?:中共)?[\\u4e00-\\u9fa5]{2,24}${ORG_SUFFIX}$`);
const NOT_ORG = /报告|情况|关于|总结|法治|建设|工作/;
const TITLE_WORDS = /报告|总结|汇报|情况|自查|述职|法治|^关于/;
/** `某政〔2024〕5号` under the red head of an official document. */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fa5]{1,10}[〔［[]20\d{2}[〕］\]]\s*\d{1,4}\s*号$/;
const DATE_LINE = /^[（(]?20\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[）)]?$/;

/** Reads the title block: an office line, a title (possibly broken over several lines), a date. */
export function readPreamble(text: string, lines: Span[]): Preamble {
  const titleLines: number[] = [];
  let organizationLine: string | null = null;
  let seen = 0;
  let lastConsumed = -1;
  for (let i = 0; i < lines.length && seen < 8; i++) {
    const line = text.slice(lines[i].start, lines[i].end);
    if (line === '') continue;
    seen++;
    if (DOCUMENT_NUMBER.test(line) || /^(?:签发人|主送|抄送|密级|紧急程度)/.test(line)) {
      lastConsumed = i;
      continue;
    }
    if (detectLineMarker(line) || line.length > MAX_TITLE_LINE || /[。；;，,：:]/.test(line)) break;
    const office = organizationOfLine(line.replace(/文件$/, ''));
    if (office && titleLines.length === 0) organizationLine ??= office;
    else if (!DATE_LINE.test(line) && !/^[—-]{1,2}/.test(line)) {
      if (titleLines.length > 0 && titleLines[titleLines.length - 1] !== lastConsumed) break;
      titleLines.push(i);
    }
    lastConsumed = i;
  }
  const title = titleLines.map((i) => text.slice(lines[i].start, lines[i].end)).join('');
  if (title && !TITLE_WORDS.test(title)) {
    return { title: null, organizationLine, firstBodyLine: titleLines[0] };
  }
  return { title: title || null, organizationLine, firstBodyLine: lastConsumed + 1 };
}

/** `中共某某镇委员会 某某镇人民政府` → `某某镇人民政府`; null when the line is not an office name. */
export function organizationOfLine(line: string): string | null {
  const parts = line.split(/\s+/).filter((part) => ORG_LINE.test(part) && !NOT_ORG.test(part));
  if (parts.length === 0 || parts.join(' ') !== line.trim().replace(/\s+/g, ' ')) return null;
  return parts.find((part) => /政府|办事处$/.test(part)) ?? parts[0];
}

const TITLE_OFFICE = new RegExp(
  `^(?:中共)?([\\u4e00-\\u9fa5]{1,20}?${ORG_SUFFIX})(?=关于|20\\d{2}|年度|法治|依法)`,
);

/** `我镇`, `全县`: how a report refers to itself, not its name. */
const SELF_REFERENCE = new RegExp(`^[我本该全]${anyOf(PLACES)}$`);

export function organizationOfTitle(title: string): string | null {
  const match = TITLE_OFFICE.exec(title.replace(/\s+/g, '').replace(/^关于/, ''));
  return match && !SELF_REFERENCE.test(match[1]) ? match[1] : null;
}

/** The office that signs the report, on one of its last lines. */
export function organizationOfSignature(text: string, lines: Span[]): string | null {
  let checked = 0;
  for (let i = lines.length - 1; i >= 0 && checked < 4; i--) {
    const line = text.slice(lines[i].start, lines[i].end);
    if (line === '') continue;
    checked++;
    const office = organizationOfLine(line);
    if (office) return office;
  }
  return null;
}

const DATE_SIGNATURE = /^(20\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?$/;
const CN_DATE_SIGNATURE =
  /^二[〇○零]([〇○零一二三四五六七八九]{2})年([一二三四五六七八九十]{1,2})月(?:[一二三四五六七八九十]{1,3}日)?$/;
const CN_DIGITS = '〇一二三四五六七八九';
/** Reports are written at the end of their year or early in the next (`2024年1月15日` reports on 2023). */
const LAST_MONTH_OF_NEXT_YEAR = 6;

/** The year the report covers, read from the date under it. */
export function yearOfSignatureDate(text: string, lines: Span[]): number | null {
  let checked = 0;
  for (let i = lines.length - 1; i >= 0 && checked < 4; i--) {
    const line = text.slice(lines[i].start, lines[i].end).replace(/\s+/g, '');
    if (line === '') continue;
    checked++;
    const date = dateOf(line);
    if (date) return date.month <= LAST_MONTH_OF_NEXT_YEAR ? date.year - 1 : date.year;
  }
  return null;
}

function dateOf(line: string): { year: number; month: number } | null {
  const digits = DATE_SIGNATURE.exec(line);
  if (digits) return { year: Number(digits[1]), month: Number(digits[2]) };
  const chinese = CN_DATE_SIGNATURE.exec(line.replace(/[○零]/g, '〇'));
  if (!chinese) return null;
  const year = chineseYear(chinese[1]);
  const month = chineseNumber(chinese[2]);
  return Number.isFinite(month) ? { year, month } : null;
}

/** `二四` of 二〇二四年 → 2024. */
function chineseYear(lastTwoDigits: string): number {
  return 2000 + Number([...lastTwoDigits].map((c) => CN_DIGITS.indexOf(c)).join(''));
}

const YEAR = /(20\d{2})\s*年/g;
/** `2024年`, `二〇二四年`, or a range `2021—2024年`, `2021年至2024年`. */
const STATED_YEAR =
  /(?:(20\d{2})\s*年?\s*(?:至|到|—|－|-|~|～)+\s*)?(?:(20\d{2})\s*年|二[〇○零]([〇○零一二三四五六七八九]{2})\s*年)/g;
const COMPARED = /(?:较|比|与)$/;

/**
 * The year a title or an opening names: `二〇二四年度` counts, a year compared with (`较2023年增长`) does not, and
 * a range counts with its last year in a title (`2021年至2024年…情况报告`) and not at all elsewhere (an opening's
 * `《纲要（2021—2025年）》` names a plan period, not the year reported on).
 */
export function firstYear(text: string, ranges: 'last' | 'skip' = 'last'): number | null {
  STATED_YEAR.lastIndex = 0;
  for (let m = STATED_YEAR.exec(text); m; m = STATED_YEAR.exec(text)) {
    if (COMPARED.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (m[1] && ranges === 'skip') continue;
    if (m[2]) return Number(m[2]);
    return chineseYear(m[3].replace(/[○零]/g, '〇'));
  }
  return null;
}

export function mostFrequentYear(text: string): number | null {
  const counts = new Map<number, number>();
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = year;
  return best;
}

const PERSON = new RegExp(
  `${anyOf(LEADER_TITLES)}[、，,\\s]?((?:[${SURNAMES}][\\u4e00-\\u9fa5]{1,2})|[XＸ×*＊]{2,3}|某某)(?:同志)?(?=[，,、。；;（(\\s为任是作同担履])`,
  'g',
);

/** The first responsible person where the report names one, e.g. `乡党委书记XXX`. */
export function responsiblePersonOf(text: string): string | null {
  PERSON.lastIndex = 0;
  for (let m = PERSON.exec(text); m; m = PERSON.exec(text)) {
    if (!/组长|主任|书记|成员|委员|副|长$/.test(m[1])) return m[1];
    PERSON.lastIndex = m.index + 1;
  }
  return null;
}
