import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Same folder layout under src/ (jest) and dist/src/ (built, copied by scripts/copy-assets.js). */
export const WEB_ROOT = join(__dirname, 'public');

/**
 * The browser modules the UI imports by bare name (index.html's import map points them here), served straight from
 * node_modules, which the build and the Docker image keep at run time: no bundler, no copy to go stale.
 */
export const VENDOR_MODULES: Record<string, string> = {
  'preact.mjs': require.resolve('preact'),
  'hooks.mjs': require.resolve('preact/hooks'),
  // htm's `require` entry is CommonJS; its ES module build sits beside it.
  'htm.mjs': join(dirname(require.resolve('htm')), 'htm.mjs'),
  // One self-contained ES module (about 1 MB); only the 上级督导 page imports it.
  'echarts.mjs': join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.esm.min.mjs'),
};

/**
 * CSP hash sources of index.html's import map: a browser checks an inline import map against script-src like any
 * inline script, and the map has to be inline (browsers load none from a file). Only this exact text is allowed.
 */
export function importMapHashes(): string[] {
  const index = join(WEB_ROOT, 'index.html');
  if (!existsSync(index)) return [];
  const maps = readFileSync(index, 'utf8').matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g);
  return [...maps].map(([, text]) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
}

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
    for (const [name, file] of Object.entries(VENDOR_MODULES)) {
      fastify.get(`/vendor/${name}`, (_request: FastifyRequest, reply: FastifyReply) =>
        reply.type('text/javascript; charset=utf-8').sendFile(basename(file), dirname(file)),
      );
    }
    // A catch-all route has the lowest precedence in Fastify's router, so API routes still win. A missing file
    // (a name with an extension) is a 404 too: index.html in its place only makes the browser refuse a module.
    fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0];
      if (SERVER_PREFIXES.some((prefix) => path.startsWith(prefix)) || /\.[a-z0-9]+$/i.test(path)) {
        return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', message: '请求的地址不存在' });
      }
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  }
}
