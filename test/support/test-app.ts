import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppMode } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { createHttpApp, createWorkerContext } from '../../src/runtime/create-app';
import { Runtime } from '../../src/runtime/runtime';
import { TEST_REDIS_URL, testDatabaseUrl, testQueuePrefix } from './test-env';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export function testRuntime(mode: AppMode = 'all', env: Record<string, string> = {}): Runtime {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: testQueuePrefix(),
    JWT_SECRET: TEST_JWT_SECRET,
    STORAGE_DIR: `test-output/files-${process.pid}`,
    // Specs share one database: a start-up sweep would remind other specs' tasks behind their backs.
    REMINDER_SWEEP_ON_START: 'false',
    ...env,
  });
  return { config, mode, databaseUrl: config.DATABASE_URL!, redisUrl: config.REDIS_URL!, demo: false };
}

export interface InjectOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** The real HTTP stack (Fastify, guards, pipes, filter) driven in-process through fastify.inject. */
export class TestApp {
  private constructor(readonly app: NestFastifyApplication) {}

  static async start(runtime: Runtime = testRuntime('api')): Promise<TestApp> {
    const app = await createHttpApp(runtime);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app);
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: InjectOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, headers, payload: options.body as never });
    const raw = response.rawPayload;
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      body: isJson && raw.length ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8'),
      headers: response.headers,
      raw,
    };
  }

  get<T = any>(url: string, options?: InjectOptions) {
    return this.request<T>('GET', url, options);
  }

  post<T = any>(url: string, body?: unknown, options?: InjectOptions) {
    return this.request<T>('POST', url, { ...options, body });
  }

  patch<T = any>(url: string, body?: unknown, options?: InjectOptions) {
    return this.request<T>('PATCH', url, { ...options, body });
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

export async function startWorker(
  runtime: Runtime = testRuntime('worker'),
): Promise<INestApplicationContext> {
  const context = await createWorkerContext(runtime);
  await context.init();
  return context;
}
