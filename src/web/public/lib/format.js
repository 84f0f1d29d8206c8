// Dates and durations as a 台账 writes them.
import { organizationTimeZone } from './vocabulary.js';

const WALL_CLOCK = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };

/**
 * 2026-12-05 08:30 in the organization's time zone, the calendar its deadlines and documents keep: a browser set
 * to another zone (or to UTC) would otherwise date a 督办 or a 佐证材料 on another day than the server does.
 */
export function dateTime(value) {
  if (!value) return '';
  const format = { ...WALL_CLOCK, timeZone: organizationTimeZone(), hourCycle: 'h23' };
  const parts = new Intl.DateTimeFormat('en-CA', format).formatToParts(new Date(value));
  const part = Object.fromEntries(parts.map(({ type, value: text }) => [type, text]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** 剩 12 天 / 今日到期 / 逾期 5 天; empty for closed tasks and tasks without a deadline. */
export function daysLeftText(task) {
  const days = task.daysLeft;
  if (days === null || days === undefined) return '';
  if (days > 0) return `剩 ${days} 天`;
  if (days === 0) return '今日到期';
  return `逾期 ${-days} 天`;
}

export function deadlineText(task) {
  return task.deadline || '未定';
}
