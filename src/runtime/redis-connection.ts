import type { RedisOptions as QueueConnectionOptions } from 'bullmq';
import IORedis, { RedisOptions } from 'ioredis';

type ConnectionPurpose = 'queue' | 'health' | 'cache' | 'subscriber';

/**
 * The one place Redis connections are configured. BullMQ workers need `maxRetriesPerRequest: null` so blocking
 * commands survive a Redis restart instead of failing the job; a pub/sub subscriber queues its SUBSCRIBE until
 * connected and subscribes again after every reconnect. The rest (health, cache: login limits, token deny-list)
 * connect lazily and fail fast while Redis is down instead of queueing commands.
 */
export function createRedisConnection(url: string, purpose: ConnectionPurpose): IORedis {
  return new IORedis(url, connectionOptions(purpose));
}

/**
 * Options from which BullMQ makes, and on close quits, the connections of each queue and worker. Handing it one
 * ready client instead would share that client, and BullMQ never quits a shared client: every closed application
 * would leave its connection open (in a test run, one per spec file, holding each file's modules in memory).
 */
export function queueConnectionOptions(url: string): QueueConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db: Number(parsed.pathname.slice(1) || 0),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    ...connectionOptions('queue'),
  };
}

function connectionOptions(purpose: ConnectionPurpose) {
  const waits = purpose === 'queue' || purpose === 'subscriber';
  return {
    connectionName: `rectify:${purpose}`,
    maxRetriesPerRequest: waits ? null : 1,
    enableOfflineQueue: waits,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
    lazyConnect: !waits,
  } satisfies RedisOptions;
}
