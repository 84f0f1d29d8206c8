import { chineseNumber } from './numerals';

export interface DeadlineSuggestion {
  /** ISO date `YYYY-MM-DD`, or null when neither the item nor the report gives a year. */
  deadline: string | null;
  longTerm: boolean;
}

const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const MONTH_PHRASE = new RegExp(
  `(?:(20\\d{2})\\s*年)?${NUM}\\s*月(?:份)?(?:${NUM}\\s*日)?(底|末|上旬|中旬|下旬)?(之前|以前|前|内|止)?`,
  'g',
);
const YEAR_END = /(?:(20\d{2})\s*年)?(?:年底|年末|年内|全年|本年度)/g;
const PART_OF_YEAR = /(?:(20\d{2})\s*年)?(上半年|下半年|年中|(?:第)?[一二三四1-4]季度)/g;
const LONG_TERM = /长期坚持|长期|常态化|长效|持续推进|久久为功|经常性|常抓不懈|持之以恒/;

/**
 * The deadline an item names (年底前, 6月底前, 上半年, 2025年3月31日前…); the earliest when it names
 * several; otherwise the end of the plan year. Dates in years before the plan year describe the past and
 * are ignored.
 */
export function suggestDeadline(text: string, planYear: number | null): DeadlineSuggestion {
  const longTerm = LONG_TERM.test(text);
  const dates: string[] = [];
  const usable = (explicit: string | undefined): number | null => {
    const year = explicit ? Number(explicit) : planYear;
    if (year === null || (planYear !== null && year < planYear)) return null;
    return year;
  };
  // MONTH_PHRASE has no literal prefix, so the engine tries it at every position; most items name no month.
  if (text.includes('月')) {
    MONTH_PHRASE.lastIndex = 0;
    for (let m = MONTH_PHRASE.exec(text); m; m = MONTH_PHRASE.exec(text)) {
      const [, explicitYear, monthRaw, dayRaw, part, before] = m;
      const year = usable(explicitYear);
      const month = toNumber(monthRaw);
      if (year === null || month < 1 || month > 12 || (!part && !before)) continue;
      if (dayRaw) {
        const day = Math.min(toNumber(dayRaw), lastDay(year, month));
        if (day >= 1) dates.push(iso(year, month, day));
      } else if (part === '上旬') dates.push(iso(year, month, 10));
      else if (part === '中旬') dates.push(iso(year, month, 20));
      else if (part || before === '内' || before === '止') dates.push(iso(year, month, lastDay(year, month)));
      else if (month > 1) dates.push(iso(year, month - 1, lastDay(year, month - 1)));
      else dates.push(iso(year, 1, 31));
    }
  }
  YEAR_END.lastIndex = 0;
  for (let m = YEAR_END.exec(text); m; m = YEAR_END.exec(text)) {
    const year = usable(m[1]);
    if (year !== null) dates.push(iso(year, 12, 31));
  }
  PART_OF_YEAR.lastIndex = 0;
  for (let m = PART_OF_YEAR.exec(text); m; m = PART_OF_YEAR.exec(text)) {
    const year = usable(m[1]);
    if (year === null) continue;
    const month = endMonthOf(m[2]);
    dates.push(iso(year, month, lastDay(year, month)));
  }
  DEADLINE_LABEL.lastIndex = 0;
  for (let m = DEADLINE_LABEL.exec(text); m; m = DEADLINE_LABEL.exec(text)) {
    const stated = statedDeadline(text.slice(m.index + m[0].length, m.index + m[0].length + 20), planYear);
    if (stated) dates.push(stated);
  }
  if (dates.length > 0) return { deadline: dates.sort()[0], longTerm };
  return { deadline: planYear === null ? null : iso(planYear, 12, 31), longTerm };
}

const STATED_DATE = new RegExp(
  `^(?:(20\\d{2})\\s*年)?\\s*${NUM}\\s*月(?:份)?(?:${NUM}\\s*日)?(?:底|末)?(?:之?前|以前|内|止)?`,
);
/** `完成时限：2025年9月30日`: a date given as the deadline, even without 前. */
const DEADLINE_LABEL = /(?:时限|期限|完成时间|办结时间)[：:为]\s*/g;

/**
 * A date stated as a deadline, in a 完成时限 cell or after `时限：`: a bare month (`2025年6月`) means by the end of
 * that month, a day that day. In running text such dates usually tell when something happened, so only this
 * position makes them deadlines.
 */
function statedDeadline(stated: string, planYear: number | null): string | null {
  const date = STATED_DATE.exec(stated.trim());
  if (!date) return null;
  const year = date[1] ? Number(date[1]) : planYear;
  const month = toNumber(date[2]);
  if (year === null || (planYear !== null && year < planYear) || !(month >= 1 && month <= 12)) return null;
  const day = date[3] ? Math.min(toNumber(date[3]), lastDay(year, month)) : lastDay(year, month);
  return day >= 1 ? iso(year, month, day) : null;
}

/** The deadline of a table row: its 完成时限 cell when that states a date, otherwise as the row's text names it. */
export function suggestDeadlineOfRow(
  deadlineCell: string,
  rowText: string,
  planYear: number | null,
): DeadlineSuggestion {
  const stated = statedDeadline(deadlineCell, planYear);
  return stated ? { deadline: stated, longTerm: false } : suggestDeadline(rowText, planYear);
}

function endMonthOf(part: string): number {
  if (part === '上半年' || part === '年中') return 6;
  if (part === '下半年') return 12;
  const quarter = toNumber(part.replace(/第|季度/g, ''));
  return Math.min(Math.max(quarter, 1), 4) * 3;
}

function toNumber(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : chineseNumber(raw);
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
