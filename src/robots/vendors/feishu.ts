import { createHmac } from 'node:crypto';
import { VendorError } from '../robot-vendor';
import { ComposedMessage } from '../robot-text';
import { codedAnswerReader, FEISHU_FIELDS, permanent, tooFast } from './answers';
import { JSON_HEADERS, utf8Bytes, VendorAdapter } from './vendor-adapter';

/** Feishu accepts request bodies up to 20 KB. */
const MAX_BODY_BYTES = 19_000;

/**
 * Feishu custom bot 签名校验: HMAC-SHA256 keyed by `timestamp + "\n" + secret` over an empty message, Base64; the
 * timestamp in seconds. (The reverse of DingTalk's key and message, a classic source of 19021.)
 */
export function feishuSign(secret: string, timestampSeconds: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

type PostElement = { tag: 'text'; text: string } | { tag: 'a'; text: string; href: string };

/**
 * A `post` (rich text) message. `<at user_id>` needs the person's Feishu open_id, which a mobile number does not give
 * us, so people are named in the text instead of @mentioned.
 */
export function feishuPost(message: ComposedMessage): Record<string, unknown> {
  const rows: PostElement[][] = [];
  const numbered = message.items.length > 1;
  message.items.forEach((item, index) => {
    const indent = numbered ? '    ' : '';
    if (numbered) rows.push([{ tag: 'text', text: `${index + 1}. ${item.label}${item.title}` }]);
    for (const fact of item.facts) rows.push([{ tag: 'text', text: `${indent}${fact.name}：${fact.value}` }]);
    if (item.people.length)
      rows.push([
        { tag: 'text', text: `${indent}责任人：${item.people.map((person) => person.name).join('、')}` },
      ]);
    if (item.link)
      rows.push([
        { tag: 'text', text: indent },
        { tag: 'a', text: '查看任务', href: item.link },
      ]);
  });
  rows.push([{ tag: 'text', text: message.closing }]);
  return { post: { zh_cn: { title: message.title, content: rows } } };
}

export function feishuBody(
  message: ComposedMessage,
  secret: string | null,
  now: Date,
): Record<string, unknown> {
  const content = { msg_type: 'post', content: feishuPost(message) };
  if (!secret) return content;
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { timestamp, sign: feishuSign(secret, timestamp), ...content };
}

export const FEISHU_ERRORS: Record<number, VendorError> = {
  9499: tooFast(1, '发送过于频繁，飞书已限流：1 分钟后自动重发'),
  11232: tooFast(1, '发送过于频繁，飞书已限流：1 分钟后自动重发'),
  19021: permanent(
    '飞书签名校验未通过：请核对"签名校验"密钥是否完整粘贴，并确认服务器时间与标准时间相差不超过 1 小时',
  ),
  19022: permanent('发送方的 IP 地址不在飞书机器人的 IP 白名单内'),
  19024: permanent('消息不含飞书机器人设置的自定义关键词：请改用"签名校验"，或把关键词设为"整改"'),
  19001: permanent('飞书机器人地址无效：请从群机器人设置中重新复制 Webhook 地址'),
};

export const readFeishuAnswer = codedAnswerReader({ fields: FEISHU_FIELDS, errors: FEISHU_ERRORS });

export const feishu: VendorAdapter = {
  fits: (message) => utf8Bytes(JSON.stringify(feishuBody(message, null, new Date(0)))) <= MAX_BODY_BYTES,
  request: (url, secret, message, { now }) => ({
    url,
    headers: JSON_HEADERS,
    body: JSON.stringify(feishuBody(message, secret, now)),
  }),
  answer: readFeishuAnswer,
};
