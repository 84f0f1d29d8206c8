import type { IncomingMessage } from 'node:http';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { fastifyTrustProxy } from '../config/trust-proxy';
import { HttpExceptionFilter } from '../common/http-exception.filter';
import { toJsonBytes } from '../common/serialized-json';
import { createValidationPipe } from '../common/validation.pipe';
import { requestIdOf } from './logger-options';
import { importMapHashes } from '../web/web.module';
import { serveOpenApiDocument } from './openapi-document';
import { registerSecurityHeaders } from './security-headers';
import { Runtime } from './runtime';

export const API_PREFIX = 'api/v1';

/**
 * Fastify's error handler is ours, set below before Nest registers its routes, and each route keeps the handler
 * current when it was registered. Nest installs its exception layer after the routes, where no route would ever
 * use it; declining that call changes nothing but Fastify's override warning (FSTWRN004).
 */
class OwnErrorHandlerFastifyAdapter extends FastifyAdapter {
  override setErrorHandler() {
    return this.getInstance();
  }
}

export async function createHttpApp(runtime: Runtime): Promise<NestFastifyApplication> {
  const adapter = new OwnErrorHandlerFastifyAdapter({
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    bodyLimit: 1024 * 1024,
    trustProxy: fastifyTrustProxy(runtime.config.TRUST_PROXY),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // Bad JSON and over-limit bodies fail in Fastify before Nest routes the request; Nest's error layer passes them on to this handler.
  const errorFilter = new HttpExceptionFilter();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.setErrorHandler((error, request, reply) => errorFilter.send(error, request, reply));
  fastify.setReplySerializer((payload) => toJsonBytes(payload) as never);
  registerSecurityHeaders(fastify, importMapHashes());
  // Uploads (reports, evidence): larger files are cut off at the limit and answered 413 FILE_TOO_LARGE.
  await app.register(fastifyMultipart, {
    limits: { fileSize: runtime.config.UPLOAD_MAX_BYTES, files: 1, fields: 10 },
  });
  useApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  serveOpenApiDocument(app);
  return app;
}

/** Every route under /api/v1 but the health check, which load balancers probe at /health. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
}

export async function createWorkerContext(runtime: Runtime): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(runtime), {
    bufferLogs: true,
    abortOnError: false,
  });
  context.useLogger(context.get(Logger));
  return context;
}
