/** Calendar-date helpers: deadlines and sweeps are dates (YYYY-MM-DD) in the configured zone, not instants. */

// Building an Intl.DateTimeFormat costs far more than formatting with one; lists call todayIn per row.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in the given time zone, whatever the machine's zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `months` after `from`, clamped to the target month's last day. */
export function addMonths(from: string, months: number): string {
  const [year, month, day] = from.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
