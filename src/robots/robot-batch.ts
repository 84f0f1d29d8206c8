import { RobotReminder } from './robot-reminder';
import { ComposedMessage, composeMessage } from './robot-text';
import { VendorAdapter } from './vendors/vendor-adapter';

/** More items than this in one group message stop being read; the rest go in the next message. */
export const MAX_ITEMS_PER_MESSAGE = 10;

/**
 * How many of `reminders`, taken in order, make one message: as many as the vendor's size limit and
 * MAX_ITEMS_PER_MESSAGE allow, and always at least one (titles and notes are clipped, so one item always fits).
 */
export function packBatch(adapter: VendorAdapter, reminders: RobotReminder[], publicBaseUrl: string): number {
  let taken = Math.min(1, reminders.length);
  for (let count = 2; count <= reminders.length; count += 1) {
    const message = composeMessage(reminders.slice(0, count), publicBaseUrl);
    if (message.items.length > MAX_ITEMS_PER_MESSAGE || !adapter.fits(message)) break;
    taken = count;
  }
  return taken;
}

/** The 发送测试消息 message: no task, just proof that the robot, its secret and the group work. */
export function testMessage(scopeName: string, sentAt: string): ComposedMessage {
  return {
    title: '【测试消息】整改提醒机器人配置成功',
    items: [],
    people: [],
    closing: `这是 Rectify 整改事项跟踪系统于 ${sentAt} 发出的测试消息。今后${scopeName}的到期提醒、逾期提醒和催办将发送到本群。`,
  };
}
