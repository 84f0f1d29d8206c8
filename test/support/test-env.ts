import { randomBytes } from 'node:crypto';

export const BASE_DATABASE_URL =
  process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Set by global-setup: the fresh database and Redis prefix of this test run. */
export function testDatabaseUrl(): string {
  const url = process.env.RECTIFY_TEST_DATABASE_URL;
  if (!url) throw new Error('RECTIFY_TEST_DATABASE_URL 未设置：集成测试须经 jest 的 globalSetup 运行');
  if (!new URL(url).pathname.includes('test')) throw new Error(`拒绝在非测试数据库上运行：${url}`);
  return url;
}

/**
 * The run's prefix (from global-setup) plus one per spec file (jest loads this module afresh for each file),
 * so jobs a file leaves on a queue are never picked up by another file's workers.
 */
export function testQueuePrefix(): string {
  return `${process.env.RECTIFY_TEST_QUEUE_PREFIX ?? 'rectify-test'}-${SPEC_FILE_SUFFIX}`;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

const SPEC_FILE_SUFFIX = uniqueSuffix();

export function databaseUrlNamed(name: string): string {
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
