import { TestApp, testRuntime } from '../../support/test-app';

describe('GET /health', () => {
  // First in the file on purpose: Fastify emits each warning once per module registry.
  it('answers 200 when Postgres and Redis answer, and the app starts without Fastify warnings', async () => {
    // Jest's sandboxed process does not deliver 'warning' events, so the call itself is watched.
    const emitWarning = jest.spyOn(process, 'emitWarning');
    const app = await TestApp.start();
    const warnings = emitWarning.mock.calls.map((call) => String(call[0]));
    emitWarning.mockRestore();
    try {
      expect(warnings).not.toContainEqual(expect.stringContaining('errorHandler'));
      const response = await app.get('/health');
      expect(response.status).toBe(200);
      expect(response.body.details.database.status).toBe('up');
      expect(response.body.details.redis.status).toBe('up');
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming Redis when Redis is unreachable', async () => {
    const runtime = testRuntime('api');
    const app = await TestApp.start({ ...runtime, redisUrl: 'redis://127.0.0.1:1' });
    try {
      const response = await app.get('/health');
      expect(response.status).toBe(503);
      expect(response.body.details.redis.status).toBe('down');
      expect(response.body.details.database.status).toBe('up');
    } finally {
      await app.close();
    }
  });

  it('answers unknown API routes with the error shape and a Chinese message', async () => {
    const app = await TestApp.start();
    try {
      const response = await app.get('/api/v1/no-such-route');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await app.close();
    }
  });
});
