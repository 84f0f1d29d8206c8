import { Injectable } from '@nestjs/common';
import { addDays } from '../common/calendar';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { NotificationRepository } from '../notifications/notification.repository';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { DUE_SOON_DAYS, inboxClause, INBOX_QUEUES, InboxQueue } from '../tasks/inbox-queues';
import { TASK_SORTS } from '../tasks/task-filters';
import { TaskRepository } from '../tasks/task.repository';
import { TasksService } from '../tasks/tasks.service';

/** Items listed per queue; the count is exact. */
const QUEUE_ITEMS = 20;

/** 待我核验, 待审批延期, 逾期未办, 临期, 待答复催办、督办 for the caller's scope (inbox-queues.ts), with the unread 消息 count. */
@Injectable()
export class InboxService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly taskService: TasksService,
    private readonly notifications: NotificationRepository,
    private readonly calendar: OrganizationCalendar,
  ) {}

  async inbox(user: AuthUser) {
    assertCan(user, 'inbox.read');
    const today = this.calendar.today();
    const soon = addDays(today, DUE_SOON_DAYS - 1);
    const [queues, unreadNotifications] = await Promise.all([
      Promise.all(INBOX_QUEUES.map((queue) => this.queue(queue, user, today, soon))),
      this.notifications.countUnread(user.id),
    ]);
    return {
      ...(Object.fromEntries(INBOX_QUEUES.map((queue, index) => [queue, queues[index]])) as Record<
        InboxQueue,
        Awaited<ReturnType<InboxService['queue']>>
      >),
      unreadNotifications,
    };
  }

  private async queue(queue: InboxQueue, user: AuthUser, today: string, soon: string) {
    const { where, params } = inboxClause(queue, user, today, soon);
    const [count, rows] = await Promise.all([
      this.tasks.countMatching(where, params),
      this.tasks.findPage(where, params, TASK_SORTS.deadline, QUEUE_ITEMS, 0),
    ]);
    return { count, items: rows.map((row) => this.taskService.present(row, today)) };
  }
}
