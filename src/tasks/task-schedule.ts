import { Inject, Injectable } from '@nestjs/common';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { TaskFilterQuery, taskFilters } from './task-filters';
import { lightSql, presentTask, TaskRow } from './task-view';

/**
 * The schedule a task's light is judged by: today in the organization's calendar, and how far progress may fall
 * behind the time spent (TASK_SCHEDULE_MARGIN_PERCENT). The task page, the list and the 台账 read tasks through it,
 * so a light is worked out one way in SQL filters and in what the screens show.
 */
@Injectable()
export class TaskSchedule {
  private readonly marginPercent: number;

  constructor(
    private readonly calendar: OrganizationCalendar,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    this.marginPercent = runtime.config.TASK_SCHEDULE_MARGIN_PERCENT;
  }

  today(): string {
    return this.calendar.today();
  }

  /** A task as the API shows it on `today`: days left and its light. */
  present(row: TaskRow, today: string) {
    return presentTask(row, today, this.marginPercent);
  }

  /** The light as an SQL expression over `tasks t`, for the date bound at `datePlaceholder`. */
  lightSql(datePlaceholder: string): string {
    return lightSql(datePlaceholder, this.marginPercent, this.calendar.timeZone);
  }

  /** The WHERE clause over `tasks t` and its parameters for `query`'s filters on the organization's tasks. */
  filters(query: TaskFilterQuery, organizationId: string, today: string) {
    const { marginPercent } = this;
    return taskFilters(query, { organizationId, today, marginPercent, timeZone: this.calendar.timeZone });
  }
}
