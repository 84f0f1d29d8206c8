import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { ThreadPool } from '../../../src/parse-worker/thread-pool';
import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import {
  docxWith,
  nestedDocxBomb,
  repeatedDeflate,
  repetitiveDocxBomb,
  sharedStringsXlsxBomb,
  zipArchive,
} from '../../support/zip-bombs';
import { multipart } from '../ledger/ledger-fixtures';

const STORAGE_DIR = resolve(`test-output/upload-limits-${process.pid}`);
const ORDINARY_DOCX = join(__dirname, '../../fixtures/reports/town-auto-numbered.docx');

/** 24 MB of XML in a member that claims 1 MB: its ratio looks ordinary, its actual size is not. */
function lyingDocx(): Buffer {
  return docxWith(repeatedDeflate('<w:body>', '<w:p/>'.repeat(2000), 2000, '</w:body>'), 1024 * 1024);
}

function manyMembers(count: number): Buffer {
  return zipArchive(
    Array.from({ length: count }, (_, i) => ({
      name: `word/m${i}.xml`,
      content: Buffer.from('<a/>'),
      stored: true,
    })),
  );
}

// The first upload of a file starts a parse thread, which loads the parser: seconds on a busy machine.
jest.setTimeout(60_000);

describe('archive bombs: refused before anything unpacks them, while the API goes on answering', () => {
  let app: TestApp;
  let org: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api', { STORAGE_DIR }));
    org = await createOrgWithUsers(app);
  });

  afterAll(async () => {
    await app?.close();
    await rm(STORAGE_DIR, { recursive: true, force: true });
  });

  const send = (route: string, fileName: string, buffer: Buffer) => {
    const { body, headers } = multipart(fileName, buffer, 'application/octet-stream');
    return app.post(route, body, { token: org.users.leader.token, headers });
  };
  // mammoth and exceljs unpack a file only in a parse thread: a bomb refused before any thread job was run was
  // refused before anything unpacked it. (Asserted on the jobs, not on the clock: a time bound of "under a second"
  // fails on a loaded machine and passes a bomb unpacked quickly on a fast one.)
  let threadJobs: jest.SpiedFunction<ThreadPool['run']>;
  beforeEach(() => (threadJobs = jest.spyOn(ThreadPool.prototype, 'run')));
  afterEach(() => threadJobs.mockRestore());

  it.each([
    [
      'a .docx whose document.xml inflates to 300 MB',
      413,
      'ARCHIVE_TOO_LARGE',
      () => repetitiveDocxBomb(300),
    ],
    ['a .docx of 20 MB of XML packed 300-fold', 422, 'SUSPICIOUS_ARCHIVE', () => repetitiveDocxBomb(20)],
    [
      'a .docx of 100,000 tables nested in one another',
      422,
      'SUSPICIOUS_ARCHIVE',
      () => nestedDocxBomb(100_000),
    ],
    ['a .docx whose member inflates far beyond what it claims', 422, 'SUSPICIOUS_ARCHIVE', lyingDocx],
    ['a .docx of 2,001 files', 422, 'SUSPICIOUS_ARCHIVE', () => manyMembers(2001)],
  ])(
    '%s: %i %s, no parse thread given it; GET /health is served meanwhile',
    async (_label, status, code, make) => {
      const [response, health] = await Promise.all([
        send('/api/v1/reports', '年度报告.docx', make()),
        app.get('/health'),
      ]);
      expect(response.body).toMatchObject({
        statusCode: status,
        code,
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
      expect(threadJobs).not.toHaveBeenCalled();
      expect(health.status).toBe(200);
    },
  );

  it('an .xlsx whose shared strings inflate to 300 MB is refused on import: 413, no parse thread given it', async () => {
    const response = await send('/api/v1/tasks/import.xlsx', '整改台账.xlsx', sharedStringsXlsxBomb(300));
    expect(response.body).toMatchObject({ statusCode: 413, code: 'ARCHIVE_TOO_LARGE' });
    expect(threadJobs).not.toHaveBeenCalled();
  });

  it('stores nothing for a refused file', async () => {
    const [{ count }] = await app.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM reports WHERE organization_id = $1`, [org.org.id]);
    expect(count).toBe(0);
  });

  it('does give an ordinary .docx to a parse thread, so the spy sees a file that is unpacked', async () => {
    const response = await send('/api/v1/reports', '年度报告.docx', readFileSync(ORDINARY_DOCX));
    expect(response.status).toBe(201);
    expect(threadJobs).toHaveBeenCalled();
  });
});

describe('a file that parses too long is stopped, and its thread replaced', () => {
  let app: TestApp;
  let org: OrgWithUsers;

  beforeAll(async () => {
    // With the ratio limit lifted and heap to spare, 30 MB of paragraphs reach mammoth, which needs half a minute.
    app = await TestApp.start(
      testRuntime('api', {
        STORAGE_DIR,
        PARSE_TIMEOUT_MS: '1500',
        UPLOAD_MAX_COMPRESSION_RATIO: '10000',
        PARSE_THREAD_MAX_HEAP_MB: '4096',
      }),
    );
    org = await createOrgWithUsers(app);
  });

  afterAll(async () => {
    await app?.close();
    await rm(STORAGE_DIR, { recursive: true, force: true });
  });

  const send = (fileName: string, buffer: Buffer) => {
    const { body, headers } = multipart(fileName, buffer, 'application/octet-stream');
    return app.post('/api/v1/reports', body, { token: org.users.leader.token, headers });
  };

  it('answers 422 PARSE_TIMEOUT with a Chinese message, and parses the next file normally', async () => {
    const [response, health] = await Promise.all([
      send('长报告.docx', repetitiveDocxBomb(30)),
      app.get('/health'),
    ]);
    expect(response.body).toMatchObject({
      statusCode: 422,
      code: 'PARSE_TIMEOUT',
      message: expect.stringMatching(/解析超过 2 秒/),
    });
    expect(health.status).toBe(200);
    const next = await send(
      '报告.txt',
      Buffer.from('一、存在的问题\n执法人员业务水平有待提高。\n二、下一步工作打算\n1.加强学法。'),
    );
    expect(next.status).toBe(201);
    expect(next.body.items.map((item: { kind: string }) => item.kind)).toEqual(['problem', 'plan']);
  }, 60_000);
});
