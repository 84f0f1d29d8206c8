import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { multipart } from '../ledger/ledger-fixtures';

const STORAGE_DIR = resolve(`test-output/upload-parsing-${process.pid}`);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The first upload of a file starts a parse thread, which loads the parser: seconds on a busy machine.
jest.setTimeout(60_000);

describe('uploads read in parse threads', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api', { STORAGE_DIR, IMPORT_MAX_ROWS: '100' }));
  });

  afterAll(async () => {
    await app?.close();
    await rm(STORAGE_DIR, { recursive: true, force: true });
  });

  const send = (org: OrgWithUsers, route: string, fileName: string, content: Buffer, type = 'text/plain') => {
    const { body, headers } = multipart(fileName, content, type);
    return app.post(route, body, { token: org.users.leader.token, headers });
  };

  it("a report that names its place only in passing is the uploader's when the uploader is that place", async () => {
    const report = Buffer.from(
      '2024年，我镇坚持依法行政，与李庄镇签订执法协作协议。\n一、存在的问题\n执法人员业务水平有待提高。\n二、2025年工作计划\n1.加强学法。',
    );
    const lizhuang = await createOrgWithUsers(app, { name: '李庄镇人民政府' });
    const shimen = await createOrgWithUsers(app, { name: '石门镇人民政府' });
    const own = await send(lizhuang, '/api/v1/reports', '报告.txt', report);
    const other = await send(shimen, '/api/v1/reports', '报告.txt', report);
    expect([own.status, own.body.organization]).toEqual([201, '李庄镇']);
    expect([other.status, other.body.organization]).toEqual([201, null]);
  });

  it('a ledger of more rows than IMPORT_MAX_ROWS is refused whole: 413 IMPORT_TOO_LARGE', async () => {
    const org = await createOrgWithUsers(app);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('整改台账');
    sheet.addRow(['任务编号', '责任领导', '责任单位', '责任人', '完成时限']);
    for (let i = 0; i < 150; i++) sheet.addRow([`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]);
    const response = await send(
      org,
      '/api/v1/tasks/import.xlsx',
      '台账.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      XLSX,
    );
    expect(response.body).toMatchObject({ statusCode: 413, code: 'IMPORT_TOO_LARGE' });
    expect(response.body.message).toContain('100');
  });

  it('a file that is no .xlsx at all is still 400 IMPORT_INVALID', async () => {
    const org = await createOrgWithUsers(app);
    const response = await send(org, '/api/v1/tasks/import.xlsx', '台账.xlsx', Buffer.from('不是表格'), XLSX);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'IMPORT_INVALID' });
  });
});
