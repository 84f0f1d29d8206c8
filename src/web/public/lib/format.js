// Dates and durations as a 台账 writes them.

/** 2026-12-05 08:30 in the browser's time zone (the office's). */
export function dateTime(value) {
  if (!value) return '';
  const date = new Date(value);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
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
