import { VendorError } from '../robot-vendor';
import { ComposedItem, ComposedMessage } from '../robot-text';
import { codedAnswerReader, ERRCODE_FIELDS, permanent, tooFast, transient } from './answers';
import { plainLines } from './plain-text';
import { JSON_HEADERS, utf8Bytes, VendorAdapter } from './vendor-adapter';

/** WeCom's documented limits: text content 2048 bytes, markdown content 4096 bytes (UTF-8). */
const MAX_TEXT_BYTES = 2048;
const MAX_MARKDOWN_BYTES = 4096;

function mentionedMobiles(message: ComposedMessage): string[] {
  return message.people.flatMap((person) => (person.mobile ? [person.mobile] : []));
}

/**
 * WeCom markdown renders better but cannot @mention by mobile (only `<@userid>`, which needs WeCom user ids we do not
 * have); `text` can, through `mentioned_mobile_list`. A reminder exists to reach its people, so a message with anyone
 * to mention goes as text (WeCom appends the @names), and one without as markdown.
 */
export function wecomUsesText(message: ComposedMessage): boolean {
  return mentionedMobiles(message).length > 0;
}

function markdownItem(item: ComposedItem, heading: string): string[] {
  const color = item.kind === 'due' ? 'info' : 'warning';
  const lines = [heading];
  for (const fact of item.facts)
    lines.push(
      `> ${fact.name}：<font color="${fact.name === '截止日期' ? color : 'comment'}">${fact.value}</font>`,
    );
  if (item.people.length) lines.push(`> 责任人：${item.people.map((person) => person.name).join('、')}`);
  if (item.link) lines.push(`> [查看任务](${item.link})`);
  return lines;
}

export function wecomMarkdown(message: ComposedMessage): string {
  const lines =
    message.items.length === 1
      ? markdownItem(message.items[0], `**${message.title}**`)
      : [
          `**${message.title}**`,
          ...message.items.flatMap((item, index) => [
            '',
            ...markdownItem(item, `**${index + 1}. ${item.label}${item.title}**`),
          ]),
        ];
  return [...lines, '', message.closing].join('\n');
}

export function wecomPayload(message: ComposedMessage): Record<string, unknown> {
  if (wecomUsesText(message))
    return {
      msgtype: 'text',
      text: { content: plainLines(message).join('\n'), mentioned_mobile_list: mentionedMobiles(message) },
    };
  return { msgtype: 'markdown', markdown: { content: wecomMarkdown(message) } };
}

export const WECOM_ERRORS: Record<number, VendorError> = {
  [-1]: transient('企业微信系统繁忙，稍后自动重试'),
  45009: tooFast(1, '发送过于频繁：每个企业微信群机器人每分钟最多 20 条，1 分钟后自动重发'),
  93000: permanent(
    '企业微信机器人地址无效（key 错误，或机器人已被移出群聊）：请从群机器人设置中重新复制 Webhook 地址',
  ),
  60020: permanent('发送方的 IP 地址不在企业微信允许的范围内'),
  40058: permanent('消息内容不合法或超过企业微信的长度限制'),
  40008: permanent('企业微信不支持该消息类型'),
  44004: permanent('消息内容为空'),
};

export const readWecomAnswer = codedAnswerReader({ fields: ERRCODE_FIELDS, errors: WECOM_ERRORS });

/** WeCom group robots are not signed: the `key` in the webhook URL is the credential. */
export const wecom: VendorAdapter = {
  fits: (message) =>
    wecomUsesText(message)
      ? utf8Bytes(plainLines(message).join('\n')) <= MAX_TEXT_BYTES
      : utf8Bytes(wecomMarkdown(message)) <= MAX_MARKDOWN_BYTES,
  request: (url, _secret, message) => ({
    url,
    headers: JSON_HEADERS,
    body: JSON.stringify(wecomPayload(message)),
  }),
  answer: readWecomAnswer,
};
