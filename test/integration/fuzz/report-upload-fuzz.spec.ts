import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { FileStorageService } from '../../../src/storage/file-storage.service';
import {
  FUZZ_ARCHIVE_ENTRIES,
  FUZZ_SEED,
  FuzzFile,
  generateCorpus,
  isErrorShape,
  ZIP_BOMB,
} from './fuzz-corpus';

const MAX_BYTES = 65536;
// 30 of each of the corpus's 12 kinds: more of the same random mutations found nothing new and cost a minute.
const FILE_COUNT = 360;
const STORAGE_DIR = resolve(`test-output/fuzz-files-${process.pid}-${Date.now()}`);

function multipart(file: FuzzFile): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----fuzzBoundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, file.buffer, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) total += entry.isDirectory() ? await countFiles(join(dir, entry.name)) : 1;
  return total;
}

describe(`report upload fuzz (seed ${FUZZ_SEED})`, () => {
  let app: TestApp;
  let db: DataSource;
  let org: OrgWithUsers;

  beforeAll(async () => {
    await rm(STORAGE_DIR, { recursive: true, force: true });
    app = await TestApp.start(
      testRuntime('api', {
        UPLOAD_MAX_BYTES: String(MAX_BYTES),
        UPLOAD_MAX_ARCHIVE_ENTRIES: String(FUZZ_ARCHIVE_ENTRIES),
        STORAGE_DIR,
      }),
    );
    db = app.app.get(DataSource);
    org = await createOrgWithUsers(app);
  });

  afterAll(async () => {
    await app?.close();
    await rm(STORAGE_DIR, { recursive: true, force: true });
  });

  it('answers every generated file with a parse result or a Chinese 4xx, and leaves no orphans', async () => {
    const files = await generateCorpus(FUZZ_SEED, FILE_COUNT, MAX_BYTES);
    const accepted = new Set<string>();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const [index, file] of files.entries()) {
      const { body, headers } = multipart(file);
      const response = await app.post('/api/v1/reports', body, { token: org.users.leader.token, headers });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const describeCase = `#${index} ${file.label} (${file.name}, ${file.buffer.length}B) → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
      if (response.status === 200 || response.status === 201) {
        const ok =
          typeof response.body?.id === 'string' &&
          Array.isArray(response.body.items) &&
          Array.isArray(response.body.sections);
        if (!ok) failures.push(`bad success body: ${describeCase}`);
        accepted.add(FileStorageService.sha256(file.buffer));
      } else if (
        response.status < 400 ||
        response.status >= 500 ||
        !isErrorShape(response.status, response.body)
      ) {
        failures.push(describeCase);
      }
      if (file.buffer.length > MAX_BYTES && response.status !== 413)
        failures.push(`over-size not rejected: ${describeCase}`);
      if (file.label.startsWith(ZIP_BOMB) && response.status !== 413 && response.status !== 422)
        failures.push(`zip bomb not refused as one: ${describeCase}`);
    }
    expect(failures).toEqual([]);
    // Some of each outcome, so the corpus really exercises both paths.
    expect(accepted.size).toBeGreaterThan(50);
    expect(statuses.get(413)).toBeGreaterThan(10);
    expect(statuses.get(415)).toBeGreaterThan(10);
    expect(statuses.get(422)).toBeGreaterThan(10);

    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM reports WHERE organization_id = $1`,
      [org.org.id],
    );
    expect(count).toBe(accepted.size);
    const [{ orphans }] = await db.query(
      `SELECT count(*)::int AS orphans FROM report_items i LEFT JOIN reports r ON r.id = i.report_id WHERE r.id IS NULL`,
    );
    expect(orphans).toBe(0);
    const [{ mismatched }] = await db.query(
      `SELECT count(*)::int AS mismatched FROM report_items i JOIN reports r ON r.id = i.report_id WHERE r.organization_id <> i.organization_id`,
    );
    expect(mismatched).toBe(0);
    expect(await countFiles(join(STORAGE_DIR, 'reports'))).toBe(accepted.size);
    expect(await countFiles(STORAGE_DIR)).toBe(accepted.size);
  }, 120_000);
});

/** The error shape as an asymmetric matcher, so a failure prints the body that was sent. */
function errorShape(statusCode: number) {
  return expect.objectContaining({
    statusCode,
    code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/),
    message: expect.stringMatching(/[\u4e00-\u9fff]/),
  });
}

describe('bad JSON bodies and ids', () => {
  let app: TestApp;
  let org: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    org = await createOrgWithUsers(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const json = { 'content-type': 'application/json' };

  it('rejects a JSON body over 1 MiB with 413 and the error shape', async () => {
    const huge = JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024 + 10) });
    for (const url of ['/api/v1/auth/login', '/api/v1/reports/00000000-0000-4000-8000-000000000000/tasks']) {
      const response = await app.post(url, huge, { token: org.users.leader.token, headers: json });
      expect(response.status).toBe(413);
      expect(response.body).toEqual(errorShape(413));
    }
  });

  it.each([
    '{',
    '{"username": "a",}',
    '[1,2',
    '{"a": undefined}',
    'nul',
    '\u0000\u0001',
    '{"a":"\\uZZZZ"}',
    '"unterminated',
  ])('rejects malformed JSON %j with 400', async (payload) => {
    const response = await app.post('/api/v1/auth/login', payload, { headers: json });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorShape(400));
  });

  it('rejects a body of an unsupported content type with 415 and the error shape', async () => {
    const response = await app.post('/api/v1/auth/login', '<login/>', {
      headers: { 'content-type': 'application/xml' },
    });
    expect(response.status).toBe(415);
    expect(response.body).toEqual(errorShape(415));
  });

  it('rejects a malformed JSON body on an authenticated route with 400', async () => {
    const response = await app.post(
      '/api/v1/reports/00000000-0000-4000-8000-000000000000/tasks',
      '{"items": [',
      { token: org.users.leader.token, headers: json },
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorShape(400));
  });

  it.each([
    ['GET', '/api/v1/tasks/not-a-uuid'],
    ['GET', '/api/v1/tasks/123'],
    ['GET', `/api/v1/tasks/${encodeURIComponent("1' OR '1'='1")}`],
    ['GET', '/api/v1/tasks/00000000-0000-0000-0000-00000000000g'],
    ['GET', '/api/v1/reports/123'],
    ['GET', '/api/v1/reports/%E4%B8%AD%E6%96%87/text'],
    ['POST', '/api/v1/reports/123/tasks'],
    ['PATCH', '/api/v1/tasks/not-a-uuid'],
    ['POST', '/api/v1/notifications/not-a-uuid/read'],
  ] as const)('%s %s → 400 INVALID_ID', async (method, url) => {
    const response = await app.request(method, url, {
      token: org.users.leader.token,
      body: method === 'GET' ? undefined : { items: [] },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorShape(400));
    expect(response.body.code).toBe('INVALID_ID');
  });
});
