import IORedis, { RedisOptions } from 'ioredis';

/**
 * The one place Redis connections are made. BullMQ workers need `maxRetriesPerRequest: null`
 * so blocking commands survive a Redis restart instead of failing the job.
 */
export function createRedisConnection(url: string, purpose: 'queue' | 'health' | 'cache'): IORedis {
  const options: RedisOptions = {
    connectionName: `rectify:${purpose}`,
    maxRetriesPerRequest: purpose === 'queue' ? null : 1,
    enableOfflineQueue: purpose === 'queue',
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: purpose !== 'queue',
  };
  return new IORedis(url, options);
}
