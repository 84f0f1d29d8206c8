import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
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

export function loggerOptions(config: AppConfig): Params {
  return {
    // Nest 12's router syntax; the default '*' registers the middleware twice under Fastify.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.NODE_ENV === 'test' && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
      genReqId: (req) => requestIdOf(req),
      customProps: () => ({ service: 'rectify' }),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash', '*.accessToken', '*.refreshToken'],
        censor: '[已隐藏]',
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
