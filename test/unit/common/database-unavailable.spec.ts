import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../../src/common/database-unavailable';
import { DomainError } from '../../../src/common/domain-error';
import { HttpExceptionFilter } from '../../../src/common/http-exception.filter';

/** Shaped like what node's net module hands node-postgres when nothing listens on the port. */
function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
    code,
    errno: -111,
    syscall: 'connect',
    address: '127.0.0.1',
    port: 5432,
  });
}

function serverError(code: string, message: string): DatabaseError {
  return Object.assign(new DatabaseError(message, message.length, 'error'), { code, severity: 'FATAL' });
}

function queryFailed(driverError: Error): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], driverError);
}

describe('isDatabaseUnavailable', () => {
  it('recognizes a refused or lost connection from the pool', () => {
    expect(isDatabaseUnavailable(socketError('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(socketError('ECONNRESET'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(queryFailed(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([socketError('ECONNREFUSED')], 'connect failed'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('query failed', { cause: socketError('ETIMEDOUT') }))).toBe(true);
  });

  it('recognizes a server that is shutting down, starting up, out of connection slots or dropped the link', () => {
    expect(
      isDatabaseUnavailable(
        queryFailed(serverError('57P01', 'terminating connection due to administrator command')),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(serverError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(serverError('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isDatabaseUnavailable(serverError('08006', 'connection failure'))).toBe(true);
  });

  it('leaves query errors, programming errors and Redis errors alone', () => {
    expect(
      isDatabaseUnavailable(
        queryFailed(serverError('23505', 'duplicate key value violates unique constraint')),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(queryFailed(serverError('42P01', 'relation "tasks" does not exist')))).toBe(
      false,
    );
    expect(
      isDatabaseUnavailable(
        queryFailed(serverError('57014', 'canceling statement due to statement timeout')),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error('Connection is closed.'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new DomainError('NOT_FOUND', '任务不存在', 404))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('does not loop on a cause that points back at itself', () => {
    const error = new Error('boom') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('HttpExceptionFilter and an unreachable database', () => {
  function send(exception: unknown): { status: number; body: unknown } {
    const sent = { status: 0, body: undefined as unknown };
    const reply = {
      status(code: number) {
        sent.status = code;
        return reply;
      },
      header: () => reply,
      send(body: unknown) {
        sent.body = body;
        return reply;
      },
    };
    new HttpExceptionFilter().send(
      exception,
      { id: 'req-1' } as FastifyRequest,
      reply as unknown as FastifyReply,
    );
    return sent;
  }

  it('answers 503 DATABASE_UNAVAILABLE in Chinese, logged as a warning; other unexpected errors stay a logged 500', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expect(send(socketError('ECONNREFUSED'))).toEqual({
        status: 503,
        body: { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请稍后再试' },
      });
      expect([warn.mock.calls.length, error.mock.calls.length]).toEqual([1, 0]);
      expect(send(queryFailed(serverError('23505', 'duplicate key')))).toMatchObject({
        status: 500,
        body: { code: 'INTERNAL_ERROR' },
      });
      expect(error).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
