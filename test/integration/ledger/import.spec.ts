import ExcelJS from 'exceljs';
import { TestApp } from '../../support/test-app';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { LEDGER_UNITS, SAMPLE_REPORT, multipart } from './ledger-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('ledger: 整改台账 import', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let taskIds: string[];

  beforeAll(async () => {
    app = await TestApp.start();
    org = await Fixtures.of(app).organization({ units: LEDGER_UNITS });
    const { body, headers } = multipart('r.txt', SAMPLE_REPORT);
    const report = await app.post('/api/v1/reports', body, { token: org.users.admin.token, headers });
    const items = report.body.items
      .slice(0, 2)
      .map((item: { id: string }) => ({ itemId: item.id, deadline: '2099-01-31' }));
    const created = await app.post(
      `/api/v1/reports/${report.body.id}/tasks`,
      { items },
      { token: org.users.leader.token },
    );
    taskIds = created.body.tasks.map((task: { id: string }) => task.id);
  });
  afterAll(() => app.close());

  async function exported(): Promise<ExcelJS.Workbook> {
    const response = await app.get('/api/v1/tasks/export.xlsx', { token: org.users.leader.token });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw as never);
    return workbook;
  }

  async function upload(workbook: ExcelJS.Workbook) {
    const { body, headers } = multipart('台账.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    return app.post('/api/v1/tasks/import.xlsx', body, { token: org.users.leader.token, headers });
  }

  const rowOf = (sheet: ExcelJS.Worksheet, id: string) => {
    let found: ExcelJS.Row | undefined;
    // 任务编号 is the hidden last column, below the title block.
    sheet.eachRow((row) => row.getCell(11).value === id && (found = row));
    return found!;
  };

  it('updates leaders, units, assignees and deadlines in bulk, matched by task id', async () => {
    const workbook = await exported();
    const sheet = workbook.getWorksheet('整改台账')!;
    const row = rowOf(sheet, taskIds[0]);
    row.getCell(4).value = org.users.leader.displayName;
    row.getCell(5).value = '党政综合办公室';
    row.getCell(7).value = '2099年9月30日';
    const response = await upload(workbook);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ updated: 1 });
    const task = await app.get(`/api/v1/tasks/${taskIds[0]}`, { token: org.users.leader.token });
    expect(task.body).toMatchObject({
      unitId: org.units['党政综合办公室'].id,
      deadline: '2099-09-30',
      leaderId: org.users.leader.id,
      status: 'assigned',
    });
    expect(task.body.history.at(-1).action).toBe('imported');
  });

  it('reports a bad row with its number and changes nothing', async () => {
    const workbook = await exported();
    const sheet = workbook.getWorksheet('整改台账')!;
    const good = rowOf(sheet, taskIds[1]);
    good.getCell(7).value = '2099-12-01';
    const bad = rowOf(sheet, taskIds[0]);
    bad.getCell(5).value = '不存在的单位';
    const response = await upload(workbook);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('IMPORT_INVALID');
    expect(response.body.message).toContain(`第${bad.number}行`);
    expect(response.body.details.errors).toEqual([
      { row: bad.number, message: expect.stringContaining('不存在的单位') },
    ]);
    const untouched = await app.get(`/api/v1/tasks/${taskIds[1]}`, { token: org.users.leader.token });
    expect(untouched.body.deadline).toBe('2099-01-31');
  });
});
