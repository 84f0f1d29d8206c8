import { RobotPerson } from '../robot-reminder';
import { ComposedMessage } from '../robot-text';

/**
 * The message as plain lines (WeCom text, generic JSON, Feishu post rows). `mention` writes a person the way the
 * vendor can notify them; by default their name.
 */
export function plainLines(
  message: ComposedMessage,
  mention: (person: RobotPerson) => string = (person) => person.name,
): string[] {
  const lines = [message.title];
  const numbered = message.items.length > 1;
  message.items.forEach((item, index) => {
    if (numbered) lines.push('', `${index + 1}. ${item.label}${item.title}`);
    for (const fact of item.facts) lines.push(`${numbered ? '   ' : ''}${fact.name}：${fact.value}`);
    if (item.people.length)
      lines.push(`${numbered ? '   ' : ''}责任人：${item.people.map(mention).join('、')}`);
    if (item.link) lines.push(`${numbered ? '   ' : ''}查看任务：${item.link}`);
  });
  lines.push('', message.closing);
  return lines;
}
