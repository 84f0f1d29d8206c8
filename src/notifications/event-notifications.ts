import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventListenerRegistry, OutboxEvent } from '../outbox/event-listeners';
import { NotificationDraft, NotificationsService } from './notifications.service';

type Audience = 'assignee' | 'leader';

/** Which task events notify whom at once, and what they say. */
const EVENT_NOTICES: Record<
  string,
  { audience: Audience; title: string; body: (title: string, deadline: string) => string }
> = {
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

/** Registers the immediate notifications for task events; idempotent through `event:<eventId>:<userId>`. */
@Injectable()
export class EventNotifications {
  constructor(
    listeners: EventListenerRegistry,
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {
    for (const type of Object.keys(EVENT_NOTICES))
      listeners.on(type, async (event) => void (await this.notify(event)));
  }

  async notify(event: OutboxEvent): Promise<number> {
    const notice = EVENT_NOTICES[event.type];
    if (!notice || !event.taskId) return 0;
    // Assignee when active, else the unit's active staff; the leader for review requests.
    const recipients: { user_id: string; organization_id: string; title: string; deadline: string | null }[] =
      await this.dataSource.query(
        `SELECT u.id AS user_id, t.organization_id, t.title, to_char(t.deadline, 'YYYY-MM-DD') AS deadline
         FROM tasks t JOIN users u ON u.active AND (
           ($2 = 'leader' AND u.id = t.leader_id)
           OR ($2 = 'assignee' AND u.id = t.assignee_id)
           OR ($2 = 'assignee' AND u.unit_id = t.unit_id AND u.role = 'staff'
               AND NOT EXISTS (SELECT 1 FROM users a WHERE a.id = t.assignee_id AND a.active)))
        WHERE t.id = $1`,
        [event.taskId, notice.audience],
      );
    const drafts: NotificationDraft[] = recipients.map((r) => ({
      organizationId: r.organization_id,
      userId: r.user_id,
      taskId: event.taskId,
      kind: event.type,
      title: notice.title,
      body: notice.body(r.title, r.deadline ?? '未设定'),
      dedupeKey: `event:${event.eventId}:${r.user_id}`,
    }));
    return this.notifications.store(drafts);
  }
}
