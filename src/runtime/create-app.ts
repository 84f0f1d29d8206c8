import type { IncomingMessage } from 'node:http';
import { INestApplicationContext } from '@nestjs/common';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { fastifyTrustProxy } from '../config/trust-proxy';
import { HttpExceptionFilter } from '../common/http-exception.filter';
import { toJsonBytes } from '../common/serialized-json';
import { createValidationPipe } from '../common/validation.pipe';
import { requestIdOf } from './logger-options';
import { importMapHashes } from '../web/web.module';
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
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
  return app;
}

export async function createWorkerContext(runtime: Runtime): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(runtime), {
    bufferLogs: true,
    abortOnError: false,
  });
  context.useLogger(context.get(Logger));
  return context;
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Rectify 整改事项跟踪 API')
    .setDescription(
      '法治政府建设年度报告的问题、整改措施与工作计划的导入、分派、跟踪、提醒和年度报告汇总。错误统一返回 {statusCode, code, message}，message 为中文；数据库暂时无法连接时返回 503 DATABASE_UNAVAILABLE，可稍后重试。',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
