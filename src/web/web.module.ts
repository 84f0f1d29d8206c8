import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Same folder layout under src/ (jest) and dist/src/ (built, copied by scripts/copy-assets.js). */
export const WEB_ROOT = join(__dirname, 'public');

/** Paths the SPA fallback must never answer: the API, health checks and the queue dashboard keep their own 404s. */
const SERVER_PREFIXES = ['/api', '/health', '/admin/queues'];

/** Serves the no-build single-page web UI at `/`; unknown non-API GET paths get index.html. */
@Module({})
export class WebModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    if (!existsSync(WEB_ROOT)) return;
    const fastify = this.adapterHost.httpAdapter.getInstance() as FastifyInstance;
    await fastify.register(fastifyStatic, {
      root: WEB_ROOT,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
    // A catch-all route has the lowest precedence in Fastify's router, so API routes still win.
    fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (SERVER_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
        return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', message: '请求的地址不存在' });
      }
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  }
}
