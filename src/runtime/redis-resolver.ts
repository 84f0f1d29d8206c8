import { spawn, ChildProcess, execFileSync } from 'node:child_process';
import IORedis from 'ioredis';
import { freePort } from './free-port';

export interface ResolvedRedis {
  url: string;
  stop(): Promise<void>;
}

export class RedisUnavailableError extends Error {}

const LOCAL_DEFAULT = 'redis://127.0.0.1:6379';

async function answersPing(url: string): Promise<boolean> {
  const client = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function redisServerOnPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

async function startChildRedis(binary: string): Promise<ResolvedRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await answersPing(url)) {
      return { url, stop: async () => void child.kill('SIGTERM') };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server 子进程未能在端口 ${port} 启动。`);
}

/** REDIS_URL if set; else a Redis on 127.0.0.1:6379; else a redis-server child process; else a clear error. */
export async function resolveRedis(configuredUrl: string | undefined): Promise<ResolvedRedis> {
  if (configuredUrl) return { url: configuredUrl, stop: async () => undefined };
  if (await answersPing(LOCAL_DEFAULT)) return { url: LOCAL_DEFAULT, stop: async () => undefined };
  const binary = redisServerOnPath();
  if (!binary) {
    throw new RedisUnavailableError(
      '找不到 Redis：请设置 REDIS_URL，或安装 Redis（Debian/Ubuntu：apt-get install redis-server），或运行 docker compose up -d redis。',
    );
  }
  return startChildRedis(binary);
}
