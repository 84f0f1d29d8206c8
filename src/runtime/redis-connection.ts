import IORedis, { RedisOptions } from 'ioredis';

/**
 * The one place Redis connections are made. BullMQ workers need `maxRetriesPerRequest: null` so blocking commands
 * survive a Redis restart instead of failing the job; a pub/sub subscriber queues its SUBSCRIBE until connected and
 * subscribes again after every reconnect. The rest (health, cache: login limits, token deny-list) connect lazily
 * and fail fast while Redis is down instead of queueing commands.
 */
export function createRedisConnection(
  url: string,
  purpose: 'queue' | 'health' | 'cache' | 'subscriber',
): IORedis {
  const waits = purpose === 'queue' || purpose === 'subscriber';
  const options: RedisOptions = {
    connectionName: `rectify:${purpose}`,
    maxRetriesPerRequest: waits ? null : 1,
    enableOfflineQueue: waits,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: !waits,
  };
  return new IORedis(url, options);
}
