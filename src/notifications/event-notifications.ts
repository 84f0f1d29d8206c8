import { Injectable } from '@nestjs/common';
import { Audience, RecipientQuery, UserDirectoryRepository } from '../identity/user-directory.repository';
import { EventListenerRegistry } from '../outbox/event-listeners';
import { EventsOf, taskEventsOf, TaskEvent, TaskEventPayloads } from '../queue/task-events';
import { TaskNoticeContext, TaskRepository } from '../tasks/task.repository';
import { NotificationDraft, NotificationsService } from './notifications.service';

type Notified = EventsOf<'notifications'>;

/** The task's assignee or leader, or one named user (`person`: who pressed a 催办 or 督办, maybe in a county above). */
type NoticeAudience = Extract<Audience, 'assignee' | 'leader'> | { person: string };

interface Notice<E extends Notified> {
  audiences: (payload: TaskEventPayloads[E]) => NoticeAudience[];
  title: (payload: TaskEventPayloads[E]) => string;
  body: (task: { title: string; deadline: string }, payload: TaskEventPayloads[E]) => string;
  /** Beyond the link to the task: what the screens and channels act on. */
  data?: (payload: TaskEventPayloads[E]) => Record<string, unknown>;
}

const reasonOf = (text: string | null | undefined, label: string) => (text ? `${label}：${text}` : '');

/** What each task event that notifications consume (TASK_EVENT_CONSUMERS) says, and to whom. */
const EVENT_NOTICES: { [E in Notified]: Notice<E> } = {
  'task.assigned': {
    audiences: () => ['assignee'],
    title: () => '您有新的整改任务',
    body: (t) => `任务「${t.title}」已分派给您，截止日期：${t.deadline}。`,
  },
  'task.rejected': {
    audiences: () => ['assignee'],
    title: () => '整改任务被退回',
    body: (t, p) =>
      `任务「${t.title}」的销号申请未通过，请继续整改（截止日期：${t.deadline}）。${reasonOf(p.note, '退回理由')}`,
    data: (p) => ({ reason: p.note }),
  },
  'task.review_requested': {
    audiences: () => ['leader'],
    title: () => '整改任务申请销号',
    body: (t) => `任务「${t.title}」（截止日期：${t.deadline}）已申请销号，请审核。`,
  },
  'task.completed': {
    audiences: () => ['assignee'],
    title: () => '整改任务已销号',
    body: (t) => `任务「${t.title}」经核验已销号。`,
  },
  'task.deadline_changed': {
    audiences: () => ['assignee'],
    title: () => '整改任务截止日期调整',
    body: (t, p) => `任务「${t.title}」的截止日期已调整为 ${t.deadline}。${reasonOf(p.reason, '理由')}`,
  },
  'task.urged': {
    // A 督办 from above also reaches the township's leader of the task.
    audiences: (p) => (p.supervise ? ['assignee', 'leader'] : ['assignee']),
    title: (p) => (p.supervise ? '县级督办' : '催办'),
    body: (t, p) =>
      `${p.supervise ? '上级督办' : '领导催办'}任务「${t.title}」（截止日期：${t.deadline}），请抓紧办理。${p.message ?? ''}`,
    data: (p) => ({ supervise: p.supervise, message: p.message, actorId: p.actorId }),
  },
  'task.urge_replied': {
    // Back to whoever pressed; someone answering their own 催办 is told nothing.
    audiences: (p) => (p.presserId && p.presserId !== p.actorId ? [{ person: p.presserId }] : []),
    title: (p) => (p.supervise ? '督办答复' : '催办答复'),
    body: (t, p) => `您${p.supervise ? '督办' : '催办'}的任务「${t.title}」已答复办理情况：${p.text}`,
    data: (p) => ({ supervise: p.supervise, urgeId: p.urgeId, text: p.text }),
  },
  'task.extension_requested': {
    audiences: () => ['leader'],
    title: () => '整改任务申请延期',
    body: (t, p) =>
      `任务「${t.title}」申请将完成时限由 ${p.currentDeadline ?? '未设定'} 延至 ${p.requestedDeadline}，请审批。理由：${p.reason}`,
    data: (p) => ({ requestedDeadline: p.requestedDeadline, currentDeadline: p.currentDeadline }),
  },
  'task.extension_decided': {
    audiences: () => ['assignee'],
    title: (p) => (p.approved ? '延期申请已同意' : '延期申请未同意'),
    body: (t, p) =>
      `任务「${t.title}」延期至 ${p.requestedDeadline} 的申请${p.approved ? '已同意' : '未同意'}，现完成时限：${t.deadline}。${reasonOf(p.comment, '审批意见')}`,
    data: (p) => ({ approved: p.approved, comment: p.comment }),
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

  /**
   * Each audience of the notice (the assignee when active, else the unit's active staff; the leader; the named
   * person when active), once each. A notice belongs to its recipient's organization, as the sweep's escalations
   * to the county do: a county leader's 督办答复 is a county notice.
   */
  async notify(event: TaskEvent<Notified>): Promise<number> {
    const notice = EVENT_NOTICES[event.type] as Notice<Notified>;
    const task = await this.tasks.findNoticeContext(event.taskId);
    if (!task) return 0;
    const queries = notice
      .audiences(event.payload)
      .map((audience): RecipientQuery =>
        typeof audience === 'string'
          ? { ...task, audience }
          : { ...task, audience: 'person', personId: audience.person },
      );
    const recipients = await this.directory.resolveRecipients(queries);
    const unique = [...new Map(recipients.map((recipient) => [recipient.userId, recipient])).values()];
    const drafts: NotificationDraft[] = unique.map((recipient) => ({
      organizationId: recipient.organizationId,
      userId: recipient.userId,
      taskId: event.taskId,
      kind: event.type,
      title: notice.title(event.payload),
      body: notice.body(noticeTask(task), event.payload),
      data: { link: `#/tasks/${event.taskId}`, ...notice.data?.(event.payload) },
      dedupeKey: `event:${event.eventId}:${recipient.userId}`,
      hasEmail: recipient.email !== null,
    }));
    return this.notifications.store(drafts);
  }
}

function noticeTask(task: TaskNoticeContext) {
  return { title: task.title, deadline: task.deadline ?? '未设定' };
}
