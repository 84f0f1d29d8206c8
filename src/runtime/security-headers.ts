import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every response. The middleware is built once here: @fastify/helmet rebuilt it,
 * re-parsing the content security policy, on every request, which cost more than some whole routes.
 *
 * Scripts come only from this origin's files, never inline: the web UI, Swagger UI (/api/docs, whose start-up
 * code is its own file, swagger-ui-init.js) and Bull Board (/admin/queues, whose configuration is a JSON data block,
 * which CSP does not run) all load their scripts from files, so no route needs an exception. The one inline block
 * the browser checks is the web UI's import map, allowed by the hash of its exact text (`inlineScriptHashes`).
 * Inline styles stay allowed: Swagger UI and Bull Board ship `<style>` blocks and style attributes.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, inlineScriptHashes: string[] = []): void {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The task page previews a PDF 佐证材料 it fetched with the bearer token, as a blob: URL in a frame.
        frameSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => applyHeaders(request.raw, reply.raw, () => done()));
}
