import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/load-config';
import { useApiPrefix } from './create-app';
import { buildOpenApiDocument } from './openapi-document';
import { Runtime } from './runtime';

/**
 * The served document, built without a database, Redis or a listening port: Nest's preview mode registers the
 * modules and controllers but instantiates no provider, which is all the document is made from.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' });
  const runtime: Runtime = {
    config,
    mode: 'api',
    databaseUrl: 'postgres://unused.invalid/rectify',
    redisUrl: 'redis://unused.invalid:6379',
    demo: false,
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(runtime),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
      abortOnError: false,
    },
  );
  try {
    useApiPrefix(app);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
