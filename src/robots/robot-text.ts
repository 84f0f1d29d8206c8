import { KIND_LABELS, RobotPerson, RobotReminder, RobotReminderKind } from './robot-reminder';

/** One reminder as a clerk reads it, before a vendor's formatting. */
export interface ComposedItem {
  kind: RobotReminderKind;
  /** 【逾期】 */
  label: string;
  title: string;
  /** 责任单位, 截止日期, 催办人 / 督办人 and their 意见, in reading order. */
  facts: { name: string; value: string }[];
  people: RobotPerson[];
  link: string | null;
}

export interface ComposedMessage {
  /** A line that stands alone in a notification preview. */
  title: string;
  items: ComposedItem[];
  /** Everyone to @mention, once each, in order of appearance. */
  people: RobotPerson[];
  closing: string;
}

const URGENCY: RobotReminderKind[] = ['supervise', 'urge', 'overdue', 'due'];
const MAX_TITLE = 60;
const MAX_NOTE = 200;
const MAX_NAME = 40;

/** Every message carries 整改, so a robot secured by the keyword 整改 instead of a signature accepts them all. */
export const CLOSING = '请及时整改落实，并在系统中报送进展。';

/** 2026-06-30 → 2026年6月30日, as dates are written on a 党政办's paper. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Whole days from `asOf` to `deadline`, both calendar dates. */
export function daysUntil(deadline: string, asOf: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
}

export function deadlineText(deadline: string | null, asOf: string): string {
  if (!deadline) return '未设定';
  const days = daysUntil(deadline, asOf);
  const state = days > 0 ? `还剩 ${days} 天` : days === 0 ? '今天到期' : `已逾期 ${-days} 天`;
  return `${chineseDate(deadline)}（${state}）`;
}

/** The task's page in the web UI, or null when no public address is configured. */
export function taskLink(publicBaseUrl: string, taskId: string): string | null {
  return publicBaseUrl ? `${publicBaseUrl.replace(/\/+$/, '')}/#/tasks/${taskId}` : null;
}

/**
 * The same task and kind reminded to several people (the unit's staff, one notification each) is one item
 * mentioning all of them, not one item per person.
 */
export function mergeReminders(reminders: RobotReminder[]): RobotReminder[] {
  const merged = new Map<string, RobotReminder>();
  for (const reminder of reminders) {
    const key = `${reminder.taskId}|${reminder.kind}|${reminder.asOf}`;
    const existing = merged.get(key);
    if (existing) existing.people = uniquePeople([...existing.people, ...reminder.people]);
    else merged.set(key, { ...reminder, people: uniquePeople(reminder.people) });
  }
  return [...merged.values()];
}

export function composeMessage(reminders: RobotReminder[], publicBaseUrl: string): ComposedMessage {
  const items = mergeReminders(reminders)
    .sort(
      (a, b) =>
        URGENCY.indexOf(a.kind) - URGENCY.indexOf(b.kind) ||
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        a.taskTitle.localeCompare(b.taskTitle, 'zh'),
    )
    .map((reminder) => composeItem(reminder, publicBaseUrl));
  return {
    title: messageTitle(items),
    items,
    people: uniquePeople(items.flatMap((item) => item.people)),
    closing: CLOSING,
  };
}

function composeItem(reminder: RobotReminder, publicBaseUrl: string): ComposedItem {
  const facts = [
    { name: '责任单位', value: reminder.unitName ?? '未指定' },
    { name: '截止日期', value: deadlineText(reminder.deadline, reminder.asOf) },
  ];
  const presser = reminder.kind === 'supervise' ? '督办' : '催办';
  if (reminder.pressedBy) facts.push({ name: `${presser}人`, value: clip(reminder.pressedBy, MAX_NAME) });
  if (reminder.note) facts.push({ name: `${presser}意见`, value: clip(oneLine(reminder.note), MAX_NOTE) });
  return {
    kind: reminder.kind,
    label: `【${KIND_LABELS[reminder.kind]}】`,
    title: clip(oneLine(reminder.taskTitle), MAX_TITLE),
    facts,
    people: reminder.people,
    link: taskLink(publicBaseUrl, reminder.taskId),
  };
}

function messageTitle(items: ComposedItem[]): string {
  if (items.length === 1) return `${items[0].label}${items[0].title}`;
  const counts = URGENCY.map(
    (kind) => [kind, items.filter((item) => item.kind === kind).length] as const,
  ).filter(([, count]) => count > 0);
  if (counts.length === 1) return `【${KIND_LABELS[counts[0][0]]}】${items.length} 项整改任务`;
  const parts = counts.map(([kind, count]) => `${KIND_LABELS[kind]} ${count} 项`).join('、');
  return `【整改提醒】${items.length} 项：${parts}`;
}

function uniquePeople(people: RobotPerson[]): RobotPerson[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    const key = person.mobile ?? `name:${person.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
