import { Injectable } from '@nestjs/common';
import { Audience, UserDirectoryRepository } from '../identity/user-directory.repository';
import { EventListenerRegistry } from '../outbox/event-listeners';
import { EventsOf, taskEventsOf, TaskEvent } from '../queue/task-events';
import { TaskRepository } from '../tasks/task.repository';
import { NotificationDraft, NotificationsService } from './notifications.service';

interface Notice {
  audience: Extract<Audience, 'assignee' | 'leader'>;
  title: string;
  body: (title: string, deadline: string) => string;
}

/** What each task event that notifications consume (TASK_EVENT_CONSUMERS) says, and to whom. */
const EVENT_NOTICES: { [E in EventsOf<'notifications'>]: Notice } = {
  'task.assigned': {
    audience: 'assignee',
    title: '您有新的整改任务',
    body: (t, d) => `任务「${t}」已分派给您，截止日期：${d}。`,
  },
  'task.rejected': {
    audience: 'assignee',
    title: '整改任务被退回',
    body: (t, d) => `任务「${t}」的销号申请未通过，请继续整改（截止日期：${d}）。`,
  },
  'task.review_requested': {
    audience: 'leader',
    title: '整改任务申请销号',
    body: (t, d) => `任务「${t}」（截止日期：${d}）已申请销号，请审核。`,
  },
  'task.deadline_changed': {
    audience: 'assignee',
    title: '整改任务截止日期调整',
    body: (t, d) => `任务「${t}」的截止日期已调整为 ${d}。`,
  },
};

/** Notifies at once on task events; idempotent through `event:<eventId>:<userId>`. */
@Injectable()
export class EventNotifications {
  constructor(
    listeners: EventListenerRegistry,
    private readonly tasks: TaskRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly notifications: NotificationsService,
  ) {
    for (const type of taskEventsOf('notifications'))
      listeners.on('notifications', type, async (event) => void (await this.notify(event)));
  }

  /** The assignee when active, else the unit's active staff; the leader for review requests. */
  async notify(event: TaskEvent<EventsOf<'notifications'>>): Promise<number> {
    const notice = EVENT_NOTICES[event.type];
    const task = await this.tasks.findNoticeContext(event.taskId);
    if (!task) return 0;
    const recipients = await this.directory.resolveRecipients([{ ...task, audience: notice.audience }]);
    const drafts: NotificationDraft[] = recipients.map((recipient) => ({
      organizationId: task.organizationId,
      userId: recipient.userId,
      taskId: event.taskId,
      kind: event.type,
      title: notice.title,
      body: notice.body(task.title, task.deadline ?? '未设定'),
      dedupeKey: `event:${event.eventId}:${recipient.userId}`,
      hasEmail: recipient.email !== null,
    }));
    return this.notifications.store(drafts);
  }
}
