import { isIP } from 'node:net';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** Which peers may name the client in X-Forwarded-For: none, the nearest N hops, or these addresses and networks. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for the loopback, link-local and private ranges, which Fastify accepts in the list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrNetwork(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `false` (or 0) trusts no proxy; a whole number trusts that many hops in front of the server; otherwise a
 * comma-separated list of proxy addresses or CIDR networks. Anything else (notably the old `true`, which let any
 * client pick its address) is left as it came, for the validator to refuse.
 */
export function parseTrustProxy({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrNetwork) ? entries : value;
}

const MAX_HOPS = 10;

export function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustProxy',
      validator: {
        validate: (value: unknown) =>
          value === false ||
          (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_HOPS) ||
          Array.isArray(value),
        defaultMessage: () =>
          '应填写 false（不经反向代理）、反向代理的层数（1–10，如 1），或反向代理的地址/网段列表（逗号分隔，如 10.0.0.2,10.1.0.0/16）；不再支持 true（信任任何来源会让客户端借 X-Forwarded-For 伪造地址、绕过登录限制）',
      },
    },
    options,
  );
}

/**
 * Fastify's `trustProxy`. Fastify refuses a bare hop count (it cannot tell the proxy from a client that connects
 * directly), so N hops become "trust the N nearest peers, whoever they are": right only when clients can reach the
 * server through those proxies alone; otherwise list the proxies' addresses.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}
