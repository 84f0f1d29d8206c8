import { createHmac } from 'node:crypto';
import { RobotPerson } from '../robot-reminder';
import { VendorError } from '../robot-vendor';
import { ComposedItem, ComposedMessage } from '../robot-text';
import { codedAnswerReader, ERRCODE_FIELDS, permanent, tooFast, transient } from './answers';
import { JSON_HEADERS, utf8Bytes, VendorAdapter } from './vendor-adapter';

/** DingTalk rejects markdown over 20,000 bytes (460101); stay clear of it. */
const MAX_TEXT_BYTES = 18_000;

/**
 * DingTalk custom robot 加签: Base64 of HMAC-SHA256, keyed by the secret, over `timestamp + "\n" + secret`, with the
 * timestamp in milliseconds. The caller URL-encodes it as a query parameter.
 */
export function dingtalkSign(secret: string, timestampMs: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The webhook with `timestamp` and the URL-encoded `sign` added (unchanged without a secret: keyword or IP security). */
export function dingtalkSignedUrl(url: string, secret: string | null, now: Date): string {
  if (!secret) return url;
  const signed = new URL(url);
  const timestamp = String(now.getTime());
  signed.searchParams.set('timestamp', timestamp);
  // URLSearchParams percent-encodes + / = in the Base64 value, as DingTalk's documentation requires.
  signed.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return signed.toString();
}

/** In DingTalk markdown a mention is `@mobile` written in the text plus the mobile in at.atMobiles. */
function mention(person: RobotPerson): string {
  return person.mobile ? `@${person.mobile}` : person.name;
}

function itemLines(item: ComposedItem, heading: string): string[] {
  const lines = [heading, ''];
  for (const fact of item.facts) lines.push(`- ${fact.name}：${fact.value}`);
  if (item.people.length) lines.push(`- 责任人：${item.people.map(mention).join('、')}`);
  if (item.link) lines.push('', `[查看任务](${item.link})`);
  return lines;
}

export function dingtalkMarkdown(message: ComposedMessage): string {
  const lines: string[] = [];
  if (message.items.length === 1) lines.push(...itemLines(message.items[0], `### ${message.title}`));
  else {
    lines.push(`### ${message.title}`);
    message.items.forEach((item, index) =>
      lines.push('', ...itemLines(item, `**${index + 1}. ${item.label}${item.title}**`)),
    );
  }
  lines.push('', message.closing);
  return lines.join('\n');
}

export function dingtalkPayload(message: ComposedMessage): Record<string, unknown> {
  return {
    msgtype: 'markdown',
    markdown: { title: message.title, text: dingtalkMarkdown(message) },
    at: {
      atMobiles: message.people.flatMap((person) => (person.mobile ? [person.mobile] : [])),
      isAtAll: false,
    },
  };
}

const SECURITY = '钉钉机器人安全设置校验未通过';

/** DingTalk's answers to a custom robot (HTTP 200 with `errcode`); 310000 covers every security setting. */
export const DINGTALK_ERRORS: Record<number, VendorError> = {
  [-1]: transient('钉钉系统繁忙，稍后自动重试'),
  130101: tooFast(10, '发送过于频繁：每个钉钉机器人每分钟最多 20 条，超过后限流 10 分钟，届时自动重发'),
  410100: tooFast(10, '发送过于频繁，钉钉已限流：10 分钟后自动重发'),
  310000: permanent(`${SECURITY}（签名、关键词或 IP 白名单）`),
  300001: permanent('机器人地址中的 access_token 无效：请从群机器人设置中重新复制 Webhook 地址'),
  400101: permanent('机器人地址中的 access_token 不存在：请重新复制 Webhook 地址'),
  400102: permanent('钉钉机器人已停用：请在群设置中启用机器人'),
  400106: permanent('钉钉机器人不存在：可能已被移出群聊，请重新添加并更新地址'),
  400013: permanent('机器人所在的钉钉群已解散：请为新群添加机器人并更新地址'),
  460101: permanent('消息过长（超过 20000 字节），钉钉拒收'),
  430101: permanent('消息中含有钉钉认为不安全的外链'),
  430102: permanent('消息中含有钉钉认为不合适的文字'),
};

/**
 * 310000 says which security setting failed only in its errmsg, whose wording varies (English, or a Chinese
 * description whose advice also mentions 时间戳): a signature mismatch is recognized first.
 */
function securityExplanation(errmsg: string): string | undefined {
  if (/sign not match|签名不匹配/i.test(errmsg))
    return `${SECURITY}：签名不匹配，请核对"加签"密钥（SEC 开头）是否完整粘贴`;
  if (/timestamp|时间戳/i.test(errmsg))
    return `${SECURITY}：时间戳无效，服务器时间与钉钉相差超过 1 小时，请校准服务器时钟`;
  if (/keyword|关键词/i.test(errmsg))
    return `${SECURITY}：消息不含自定义关键词，请改用"加签"，或把关键词设为"整改"`;
  if (/\bip\b|whitelist|白名单/i.test(errmsg)) return `${SECURITY}：发送方的 IP 地址不在机器人的 IP 白名单内`;
  return undefined;
}

export const readDingtalkAnswer = codedAnswerReader({
  fields: ERRCODE_FIELDS,
  errors: DINGTALK_ERRORS,
  refine: (code, errmsg) => (code === 310000 ? securityExplanation(errmsg) : undefined),
});

export const dingtalk: VendorAdapter = {
  fits: (message) => utf8Bytes(dingtalkMarkdown(message)) <= MAX_TEXT_BYTES,
  request: (url, secret, message, { now }) => ({
    url: dingtalkSignedUrl(url, secret, now),
    headers: JSON_HEADERS,
    body: JSON.stringify(dingtalkPayload(message)),
  }),
  answer: readDingtalkAnswer,
};
