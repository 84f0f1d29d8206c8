import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the vendors' group-robot endpoints. Each checks what the vendor documents, recomputing the
 * signature itself (never with the code under test), and answers with the vendor's own error codes:
 * - DingTalk: access_token; with a secret, `timestamp` (ms, within 1 hour) and `sign` = Base64 HMAC-SHA256 keyed by
 *   the secret over `timestamp\nsecret` on the query string (310000 otherwise); markdown with title and text;
 *   over the limit 130101.
 * - WeCom: the `key` (93000 otherwise; WeCom robots are not signed); text ≤ 2048 bytes or markdown ≤ 4096 bytes;
 *   over the limit 45009.
 * - Feishu: the hook token (19001); with a secret, body `timestamp` (s, within 1 hour) and `sign` = Base64
 *   HMAC-SHA256 keyed by `timestamp\nsecret` over nothing (19021 otherwise); msg_type text or post; over the limit 9499.
 * - generic: `x-rectify-signature` = hex HMAC-SHA256 of the body (401 otherwise), `x-rectify-delivery`; over the limit 429.
 * What a vendor would accept but a reminder must not do (a mention missing from the text) is listed in `violations`.
 */
export type ReceiverVendor = 'dingtalk' | 'wecom' | 'feishu' | 'generic';

export interface ReceiverOptions {
  /** The signing secret the robot is set up with; null: no signature check (keyword or IP security). */
  secret?: string | null;
  /** Accepted messages allowed in any `windowMs`; beyond it the vendor's "too fast" answer. */
  limit?: number;
  windowMs?: number;
}

export interface ReceivedRequest {
  at: number;
  url: URL;
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
  status: number;
  answer: Record<string, unknown>;
  accepted: boolean;
}

interface Verdict {
  status: number;
  answer: Record<string, unknown>;
}

const HOUR_MS = 3_600_000;

export class RobotReceiver {
  readonly requests: ReceivedRequest[] = [];
  readonly violations: string[] = [];
  readonly token = randomUUID().replace(/-/g, '');

  private constructor(
    readonly vendor: ReceiverVendor,
    private readonly options: Required<ReceiverOptions>,
    private readonly server: Server,
  ) {}

  static async start(vendor: ReceiverVendor, options: ReceiverOptions = {}): Promise<RobotReceiver> {
    const server = createServer();
    const receiver = new RobotReceiver(
      vendor,
      { secret: options.secret ?? null, limit: options.limit ?? 20, windowMs: options.windowMs ?? 60_000 },
      server,
    );
    server.on('request', (req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        const { status, answer } = receiver.receive(
          new URL(req.url ?? '/', 'http://127.0.0.1'),
          req.headers,
          raw,
        );
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The webhook URL to configure, shaped like the vendor's. */
  get url(): string {
    const base = `http://127.0.0.1:${this.port}`;
    return {
      dingtalk: `${base}/robot/send?access_token=${this.token}`,
      wecom: `${base}/cgi-bin/webhook/send?key=${this.token}`,
      feishu: `${base}/open-apis/bot/v2/hook/${this.token}`,
      generic: `${base}/rectify/${this.token}`,
    }[this.vendor];
  }

  get accepted(): ReceivedRequest[] {
    return this.requests.filter((request) => request.accepted);
  }

  /** The text of an accepted message, whatever the vendor's format. */
  static textOf(request: ReceivedRequest): string {
    const body = request.body;
    return (
      body.markdown?.text ??
      body.markdown?.content ??
      body.text?.content ??
      JSON.stringify(body.content?.post ?? body.content ?? '')
    );
  }

  /** The most accepted messages that arrived within any one window. */
  busiestWindow(): number {
    const times = this.accepted.map((request) => request.at).sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; j < times.length; j += 1) {
      while (times[j] - times[i] >= this.options.windowMs) i += 1;
      most = Math.max(most, j - i + 1);
    }
    return most;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(url: URL, headers: IncomingHttpHeaders, raw: string): Verdict {
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
    const verdict = this.check(url, headers, raw, body);
    const accepted = verdict.status === 200 && [verdict.answer.errcode, verdict.answer.code].includes(0);
    this.requests.push({ at: Date.now(), url, headers, raw, body, ...verdict, accepted });
    return verdict;
  }

  private check(url: URL, headers: IncomingHttpHeaders, raw: string, body: any): Verdict {
    switch (this.vendor) {
      case 'dingtalk':
        return this.checkDingtalk(url, body);
      case 'wecom':
        return this.checkWecom(url, body);
      case 'feishu':
        return this.checkFeishu(url, body);
      default:
        return this.checkGeneric(headers, raw);
    }
  }

  private checkDingtalk(url: URL, body: any): Verdict {
    const fail = (errcode: number, errmsg: string): Verdict => ({ status: 200, answer: { errcode, errmsg } });
    if (url.pathname !== '/robot/send' || url.searchParams.get('access_token') !== this.token)
      return fail(300001, 'token is not exist');
    const { secret } = this.options;
    if (secret) {
      const timestamp = url.searchParams.get('timestamp') ?? '';
      if (!/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > HOUR_MS)
        return fail(310000, 'invalid timestamp');
      const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
      if (!same(url.searchParams.get('sign'), expected))
        return fail(
          310000,
          'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中',
        );
    }
    if (this.overLimit()) return fail(130101, 'send too fast, exceed 20 times per minute');
    const markdown = body?.markdown;
    if (
      body?.msgtype !== 'markdown' ||
      typeof markdown?.title !== 'string' ||
      typeof markdown?.text !== 'string'
    )
      return fail(40035, '缺少参数 json');
    const mobiles: unknown = body.at?.atMobiles ?? [];
    if (!Array.isArray(mobiles)) return fail(40035, '缺少参数 json');
    for (const mobile of mobiles)
      if (!markdown.text.includes(`@${mobile}`))
        this.violations.push(`at.atMobiles 中的 ${mobile} 未在正文中以 @ 写出`);
    return fail(0, 'ok');
  }

  private checkWecom(url: URL, body: any): Verdict {
    const fail = (errcode: number, errmsg: string): Verdict => ({ status: 200, answer: { errcode, errmsg } });
    if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== this.token)
      return fail(93000, 'invalid webhook url, hint: [local receiver]');
    if (this.overLimit()) return fail(45009, 'api freq out of limit');
    if (body?.msgtype === 'text') {
      const content = body.text?.content;
      if (typeof content !== 'string' || !content) return fail(44004, 'empty content');
      if (Buffer.byteLength(content) > 2048) return fail(40058, 'content exceed max length 2048');
      if (body.text.mentioned_mobile_list !== undefined && !Array.isArray(body.text.mentioned_mobile_list))
        return fail(40058, 'invalid mentioned_mobile_list');
      return fail(0, 'ok');
    }
    if (body?.msgtype === 'markdown') {
      const content = body.markdown?.content;
      if (typeof content !== 'string' || !content) return fail(44004, 'empty content');
      if (Buffer.byteLength(content) > 4096) return fail(40058, 'markdown.content exceed max length 4096');
      return fail(0, 'ok');
    }
    return fail(40008, 'invalid message type');
  }

  private checkFeishu(url: URL, body: any): Verdict {
    const fail = (code: number, msg: string): Verdict => ({ status: 200, answer: { code, msg, data: {} } });
    if (url.pathname !== `/open-apis/bot/v2/hook/${this.token}`)
      return fail(19001, 'param invalid: incoming webhook access token invalid');
    const { secret } = this.options;
    if (secret) {
      const timestamp = String(body?.timestamp ?? '');
      const fresh =
        /^\d{10}$/.test(timestamp) && Math.abs(Date.now() / 1000 - Number(timestamp)) <= HOUR_MS / 1000;
      const expected = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
      if (!fresh || !same(body?.sign, expected))
        return fail(19021, 'sign match fail or timestamp is not within one hour from current time');
    }
    if (this.overLimit()) return fail(9499, 'too many request');
    const post = body?.content?.post?.zh_cn;
    const shaped =
      (body?.msg_type === 'text' && typeof body.content?.text === 'string') ||
      (body?.msg_type === 'post' && typeof post?.title === 'string' && Array.isArray(post?.content));
    if (!shaped) return fail(19002, 'params error, msg_type need');
    return fail(0, 'success');
  }

  private checkGeneric(headers: IncomingHttpHeaders, raw: string): Verdict {
    const { secret } = this.options;
    if (secret) {
      const expected = createHmac('sha256', secret).update(raw).digest('hex');
      if (!same(headers['x-rectify-signature'], expected))
        return { status: 401, answer: { error: 'bad signature' } };
    }
    if (!headers['x-rectify-delivery']) return { status: 400, answer: { error: 'missing delivery id' } };
    if (this.overLimit()) return { status: 429, answer: { error: 'too many requests' } };
    return { status: 200, answer: { code: 0 } };
  }

  /** Counts accepted messages in the sliding window (a rejected one does not use up the limit). */
  private overLimit(): boolean {
    const since = Date.now() - this.options.windowMs;
    return this.accepted.filter((request) => request.at > since).length >= this.options.limit;
  }
}

function same(actual: unknown, expected: string): boolean {
  if (typeof actual !== 'string') return false;
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
