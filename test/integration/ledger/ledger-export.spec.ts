import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Fixtures, ImportedTask, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';
import { LEDGER_UNITS, SAMPLE_REPORT, multipart } from './ledger-fixtures';

const OUTPUT = join(process.cwd(), 'test-output', 'documents');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const HEADER = [
  '序号',
  '问题',
  '整改措施',
  '责任领导',
  '责任单位',
  '责任人',
  '完成时限',
  '进展情况',
  '整改成效',
  '红黄绿灯',
];

describe('ledger: the exported 整改台账 prints and goes back through import', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let problems: ImportedTask[];
  const measures: string[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    const fixtures = Fixtures.of(app);
    org = await fixtures.organization({ units: LEDGER_UNITS });
    const imported = await fixtures.importReport(org.org.id, SAMPLE_REPORT, '2099-12-31');
    problems = imported.filter((task) => task.itemKind === 'problem');
    for (const title of ['开展执法人员轮训，每季度组织一次集中学习和案卷评查', '建立以案释法案例库'])
      measures.push(
        await fixtures.task(org.org.id, {
          title,
          deadline: '2099-06-30',
          status: 'assigned',
          planYear: 2025,
          leaderId: org.users.leader.id,
          unitId: org.units[LEDGER_UNITS[0]].id,
          itemKind: 'measure',
          problemTaskId: problems[0].id,
        }),
      );
  });
  afterAll(() => app.close());

  async function exported(query = ''): Promise<ExcelJS.Worksheet> {
    const response = await app.get(`/api/v1/tasks/export.xlsx${query}`, { token: org.users.viewer.token });
    expect(response.status).toBe(200);
    // Kept for a look at the printed form (soffice --convert-to pdf).
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, '整改台账.xlsx'), response.raw);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw as never);
    return workbook.getWorksheet('整改台账')!;
  }

  it('has a title row, the 填报 line and the column header, repeated on every printed page', async () => {
    const sheet = await exported();
    expect(sheet.getCell('A1').value).toBe(`${org.org.name}2025年度法治政府建设问题整改台账`);
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(String(sheet.getCell('A2').value)).toBe(`填报单位：${org.org.name}`);
    expect(String(sheet.getCell('F2').value)).toMatch(/^填报日期：\d{4}年\d{2}月\d{2}日$/);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 11)).toEqual(HEADER);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('groups measures under their problem with merged 序号 and 问题 cells, bordered, in 仿宋, tall enough to wrap', async () => {
    const sheet = await exported();
    const first = sheet.getRow(4);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(problems[0].title);
    expect(first.getCell(3).value).toBe('开展执法人员轮训，每季度组织一次集中学习和案卷评查');
    const second = sheet.getRow(5);
    expect(second.getCell(1).isMerged && second.getCell(1).master.address).toBe('A4');
    expect(second.getCell(2).master.address).toBe('B4');
    expect(second.getCell(3).value).toBe('建立以案释法案例库');
    // The problem without measures: one line, its 整改措施 cell empty rather than the problem's own text.
    expect(sheet.getRow(6).getCell(1).value).toBe(2);
    expect(sheet.getRow(6).getCell(2).value).toBe(problems[1].title);
    expect(sheet.getRow(6).getCell(3).value ?? '').toBe('');
    for (const cell of [first.getCell(3), sheet.getRow(6).getCell(10)]) {
      expect(cell.border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
      expect(cell.font.name).toBe('仿宋');
    }
    expect(first.getCell(10).value).toBe('绿灯\n正常');
    expect(first.getCell(8).value).toBe('已交办');
    expect(first.height).toBeGreaterThanOrEqual(36);
  });

  it('shows no id: the 任务编号 column is hidden and the only one holding ids', async () => {
    const sheet = await exported();
    const idColumns = new Set<number>();
    sheet.eachRow((row) =>
      row.eachCell((cell, column) => UUID.test(String(cell.value)) && idColumns.add(column)),
    );
    expect([...idColumns]).toEqual([11]);
    expect(sheet.getColumn(11).hidden).toBe(true);
    expect(sheet.getRow(3).getCell(11).value).toBe('任务编号');
    expect(visibleColumns(sheet)).toBe(10);
  });

  it('follows the year filter', async () => {
    const sheet = await exported('?year=2031');
    expect(sheet.getCell('A1').value).toBe(`${org.org.name}2031年度法治政府建设问题整改台账`);
    expect(sheet.rowCount).toBe(3);
  });

  it('round-trips: a unit and a deadline changed in the exported file are imported by task id', async () => {
    const response = await app.get('/api/v1/tasks/export.xlsx', { token: org.users.leader.token });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw as never);
    const sheet = workbook.getWorksheet('整改台账')!;
    const row = sheet.getRow(5);
    expect(row.getCell(11).value).toBe(measures[1]);
    row.getCell(5).value = LEDGER_UNITS[1];
    row.getCell(7).value = '2099年9月30日';
    const { body, headers } = multipart('台账.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    const imported = await app.post('/api/v1/tasks/import.xlsx', body, {
      token: org.users.leader.token,
      headers,
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ updated: 1 });
    const task = await app.get(`/api/v1/tasks/${measures[1]}`, { token: org.users.leader.token });
    expect(task.body).toMatchObject({ unitId: org.units[LEDGER_UNITS[1]].id, deadline: '2099-09-30' });
  });
});

/** Columns a reader sees: those not hidden among the ones the header names. */
function visibleColumns(sheet: ExcelJS.Worksheet): number {
  let visible = 0;
  sheet.getRow(3).eachCell((_, column) => !sheet.getColumn(column).hidden && (visible += 1));
  return visible;
}
