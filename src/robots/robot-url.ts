import { RobotVendor, VENDOR_LABELS } from './robot-vendor';

export interface RobotUrlPolicy {
  /** Local test receivers: any host, and http on loopback. */
  allowAnyHost: boolean;
  /** Loopback hosts (http too, any path) are accepted only here, never in production. */
  allowLoopbackHttp: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Each vendor's webhook as its console hands it out: host, path and the query parameter holding the token. */
const VENDOR_SHAPES: Partial<
  Record<RobotVendor, { hosts: string[]; path: RegExp; token?: string; example: string }>
> = {
  dingtalk: {
    hosts: ['oapi.dingtalk.com'],
    path: /^\/robot\/send$/,
    token: 'access_token',
    example: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  },
  wecom: {
    hosts: ['qyapi.weixin.qq.com'],
    path: /^\/cgi-bin\/webhook\/send$/,
    token: 'key',
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  },
  feishu: {
    hosts: ['open.feishu.cn', 'open.larksuite.com'],
    path: /^\/open-apis\/bot\/v2\/hook\/[\w-]+$/,
    example: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
  },
};

/** Why `input` cannot be this vendor's robot URL, in Chinese, or null when it can. */
export function robotUrlProblem(vendor: RobotVendor, input: string, policy: RobotUrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return '机器人地址不是有效的网址，请从群机器人设置中完整复制 Webhook 地址';
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !(loopback && policy.allowLoopbackHttp))
    return '机器人地址必须以 https:// 开头';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '机器人地址必须以 https:// 开头';
  if (url.username || url.password) return '机器人地址不能包含用户名或密码';
  if (vendor === 'dingtalk' && (url.searchParams.has('timestamp') || url.searchParams.has('sign')))
    return '请粘贴钉钉机器人原始的 Webhook 地址（不含 timestamp、sign 参数）：签名由系统在每次发送时计算';
  const shape = VENDOR_SHAPES[vendor];
  // A loopback address outside production is a local receiver (development, acceptance checks), not a typo.
  if (!shape || policy.allowAnyHost || (loopback && policy.allowLoopbackHttp)) return null;
  const label = VENDOR_LABELS[vendor];
  if (!shape.hosts.includes(url.hostname) || !shape.path.test(url.pathname) || url.port)
    return `这不是${label}群机器人的地址：应形如 ${shape.example}`;
  if (shape.token && !url.searchParams.get(shape.token))
    return `${label}机器人地址缺少 ${shape.token} 参数：应形如 ${shape.example}`;
  return null;
}

/** Why `secret` does not fit this vendor, or null. WeCom group robots have no signing secret: the key is the URL. */
export function robotSecretProblem(vendor: RobotVendor, secret: string | null): string | null {
  if (secret === null) return null;
  if (vendor === 'wecom')
    return '企业微信群机器人没有签名密钥（Webhook 地址中的 key 即为凭据），请不要填写密钥';
  if (/\s/.test(secret)) return '密钥不能包含空格或换行，请从机器人安全设置中完整复制';
  return null;
}
