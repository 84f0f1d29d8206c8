import { todayIn } from '../common/calendar';

/**
 * The organization's calendar: deadlines, sweeps and reports count in dates of one time zone (TIME_ZONE, one for
 * the deployment), whatever zone the machine or the database session runs in.
 */
export class OrganizationCalendar {
  constructor(readonly timeZone: string) {}

  /** Today's date (YYYY-MM-DD) for the organization. */
  today(): string {
    return todayIn(this.timeZone);
  }

  /** The organization's date (YYYY-MM-DD) at an instant, e.g. the day a row was written. */
  dateOf(instant: Date): string {
    return todayIn(this.timeZone, instant);
  }
}
