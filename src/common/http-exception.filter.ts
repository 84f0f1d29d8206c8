import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './domain-error';
import { isRedisUnavailable } from './redis-unavailable';

const CODE_BY_STATUS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求有误' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '没有权限执行此操作' },
  404: { code: 'NOT_FOUND', message: '请求的资源不存在' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  406: { code: 'NOT_ACCEPTABLE', message: '无法提供请求的格式' },
  409: { code: 'CONFLICT', message: '数据已被修改，请刷新后重试' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '上传内容超过大小限制' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
  503: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
};

/**
 * Services whose loss is not a bug: the request may succeed once the service is back, so the answer is a 503
 * that clients and load balancers retry. Logins, their limits and sign-outs need Redis as other requests need
 * PostgreSQL.
 */
const LOST_SERVICES = [
  {
    isLost: isDatabaseUnavailable,
    logMessage: '数据库不可用',
    code: 'DATABASE_UNAVAILABLE',
    message: '数据库暂时无法连接，请稍后再试',
  },
  {
    isLost: isRedisUnavailable,
    logMessage: 'Redis 不可用',
    code: 'QUEUE_UNAVAILABLE',
    message: '队列与缓存服务（Redis）暂时无法连接，请稍后再试',
  },
];

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

function isChinese(text: unknown): text is string {
  return typeof text === 'string' && /[\u4e00-\u9fff]/.test(text);
}

/**
 * Maps every error to `{ statusCode, code, message }` with a Chinese message; a lost database is 503
 * `DATABASE_UNAVAILABLE`, a lost Redis 503 `QUEUE_UNAVAILABLE`, other unexpected errors are logged as 500.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    this.send(
      exception,
      host.switchToHttp().getRequest<FastifyRequest>(),
      host.switchToHttp().getResponse<FastifyReply>(),
    );
  }

  /** Also Fastify's own error handler: body-limit and JSON-parse errors happen before Nest routes the request. */
  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const body = this.toBody(exception, request);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.statusCode,
        code: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse() as
        string | { code?: string; message?: unknown; details?: unknown };
      const fallback = CODE_BY_STATUS[statusCode] ?? { code: `HTTP_${statusCode}`, message: '请求失败' };
      const payload = typeof response === 'object' ? response : { message: response };
      return {
        statusCode,
        code: payload.code ?? fallback.code,
        message: isChinese(payload.message) ? payload.message : fallback.message,
        ...(payload.details !== undefined ? { details: payload.details } : {}),
      };
    }
    const statusCode = (exception as { statusCode?: number }).statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      // Errors raised by Fastify itself (body too large, bad JSON, bad content type) carry their status.
      const fallback = CODE_BY_STATUS[statusCode] ?? { code: `HTTP_${statusCode}`, message: '请求有误' };
      const code =
        (exception as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        (exception as Error).name === 'SyntaxError'
          ? { code: 'INVALID_JSON', message: '请求体不是合法的 JSON' }
          : fallback;
      return { statusCode, ...code };
    }
    const lost = LOST_SERVICES.find((service) => service.isLost(exception));
    if (lost) {
      this.logger.warn({ err: exception, requestId: request.id }, lost.logMessage);
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: lost.code, message: lost.message };
    }
    this.logger.error({ err: exception, requestId: request.id }, '未处理的错误');
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: `服务器内部错误（请求编号 ${String(request.id)}）`,
    };
  }
}
