import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReplyError } from 'ioredis';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../../src/common/database-unavailable';
import { HttpExceptionFilter } from '../../../src/common/http-exception.filter';
import { isRedisUnavailable } from '../../../src/common/redis-unavailable';

/** What ioredis hands a command while Redis is down (it keeps the socket's ECONNREFUSED for its 'error' event). */
const REDIS_OUTAGES = [
  new Error('Connection is closed.'),
  new Error("Stream isn't writeable and enableOfflineQueue options is false"),
  new MaxRetriesPerRequestError(1),
  new ReplyError('LOADING Redis is loading the dataset in memory'),
  new Error('login failed', { cause: new Error('Connection is closed.') }),
];

/** What node-postgres and TypeORM hand over while PostgreSQL is down. */
const DATABASE_OUTAGES = [
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
    syscall: 'connect',
  }),
  new Error('Connection terminated unexpectedly'),
  new QueryFailedError(
    'SELECT 1',
    [],
    Object.assign(new DatabaseError('terminating connection due to administrator command', 1, 'error'), {
      code: '57P01',
    }),
  ),
];

describe('isRedisUnavailable', () => {
  it.each(REDIS_OUTAGES.map((error) => [error.message, error]))('recognizes %j', (_, error) => {
    expect(isRedisUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it.each(DATABASE_OUTAGES.map((error) => [error.message, error]))(
    'never takes a database outage (%j) for a Redis one',
    (_, error) => {
      expect(isRedisUnavailable(error)).toBe(false);
      expect(isDatabaseUnavailable(error)).toBe(true);
    },
  );

  it('leaves Redis command errors and programming errors alone', () => {
    expect(
      isRedisUnavailable(new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value')),
    ).toBe(false);
    expect(isRedisUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isRedisUnavailable(null)).toBe(false);
  });
});

describe('HttpExceptionFilter and an unreachable Redis', () => {
  it('answers 503 QUEUE_UNAVAILABLE in Chinese, and the database case keeps its own code', () => {
    const sent: unknown[] = [];
    const reply = {
      status: () => reply,
      header: () => reply,
      send: (body: unknown) => (sent.push(body), reply),
    };
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const filter = new HttpExceptionFilter();
      filter.send(
        new Error('Connection is closed.'),
        { id: 'r' } as FastifyRequest,
        reply as unknown as FastifyReply,
      );
      filter.send(DATABASE_OUTAGES[0], { id: 'r' } as FastifyRequest, reply as unknown as FastifyReply);
    } finally {
      warn.mockRestore();
    }
    expect(sent).toEqual([
      {
        statusCode: 503,
        code: 'QUEUE_UNAVAILABLE',
        message: '队列与缓存服务（Redis）暂时无法连接，请稍后再试',
      },
      { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请稍后再试' },
    ]);
  });
});
