import IORedis from 'ioredis';
import { queueConnectionOptions } from '../../../src/runtime/redis-connection';

const ADDRESS_FIELDS = ['host', 'port', 'username', 'password', 'db'] as const;

/** The address fields, and whether TLS is on (ioredis marks it `true`, an empty options object works the same). */
function address(options: Record<string, unknown>) {
  const fields = ADDRESS_FIELDS.map((field) => [field, options[field] || undefined]);
  return { ...Object.fromEntries(fields), tls: Boolean(options.tls) };
}

/** What ioredis itself reads from the URL: the options BullMQ is given must reach the same server. */
function addressIoredisReads(url: string) {
  const client = new IORedis(url, { lazyConnect: true });
  client.disconnect();
  return address(client.options as unknown as Record<string, unknown>);
}

function addressOf(url: string) {
  return address(queueConnectionOptions(url) as Record<string, unknown>);
}

describe('the queue connection options handed to BullMQ', () => {
  test.each([
    'redis://127.0.0.1:6379',
    'redis://redis',
    'redis://:s%40cret@cache.internal:6390/2',
    'redis://worker:p%3Ass@10.0.0.5:6380/0',
    'rediss://default:token@redis.example.test:6380/1',
    'redis://[::1]:6381',
  ])('reach the server ioredis reads from %s', (url) => {
    expect(addressOf(url)).toEqual(addressIoredisReads(url));
  });

  test('keep the queue settings: commands wait through a restart and are retried forever', () => {
    expect(queueConnectionOptions('redis://127.0.0.1:6379')).toMatchObject({
      connectionName: 'rectify:queue',
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
  });
});
