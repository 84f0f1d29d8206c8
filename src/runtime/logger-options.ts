import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { SerializedRequest, SerializedResponse } from 'pino';
import { AppConfig } from '../config/app-config';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Reuses the caller's request id when it sends one, so logs line up across services. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  if (typeof given === 'string' && /^[\w.-]{1,100}$/.test(given)) return given;
  const id = randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  return id;
}

/** Query parameters that may carry a credential (an old bookmark of `/admin/queues?token=…`), masked in the log. */
const SECRET_QUERY = /([?&][^=&]*(?:token|password|secret)=)[^&]*/gi;

export function loggableUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[已隐藏]');
}

export function loggerOptions(config: AppConfig): Params {
  return {
    // Nest 12's router syntax; the default '*' registers the middleware twice under Fastify.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    // Health checks poll every few seconds; logging each one would bury the requests people make.
    exclude: [{ path: 'health', method: RequestMethod.GET }],
    pinoHttp: {
      level: config.NODE_ENV === 'test' && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
      genReqId: (req) => requestIdOf(req),
      // On every line through the base bindings, not per-request customProps, which cost two child loggers a request.
      base: { pid: process.pid, hostname: hostname(), service: 'rectify' },
      // pino-http serializes the request into a child logger on every request, logged or not: keep it to what an
      // operator reads. Headers (and with them tokens and cookies) never reach the log.
      serializers: {
        req: (req: SerializedRequest) => ({
          id: req.id,
          method: req.method,
          url: loggableUrl(req.url),
          remoteAddress: req.remoteAddress,
        }),
        res: (res: SerializedResponse) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: ['*.password', '*.passwordHash', '*.accessToken', '*.refreshToken'],
        censor: '[已隐藏]',
      },
    },
  };
}
