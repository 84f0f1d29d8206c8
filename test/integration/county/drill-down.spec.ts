import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Fixtures } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';
import { multipart } from '../ledger/ledger-fixtures';
import { countyWithTownships } from './county-fixtures';

const OUTPUT = join(process.cwd(), 'test-output', 'documents');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The export's columns: 问题, 整改措施, 责任单位 and the hidden 任务编号. */
const PROBLEM = 2;
const MEASURE = 3;
const UNIT = 5;
const TASK_ID = 11;
const REPORTS = join(__dirname, '..', '..', 'fixtures', 'reports');

/** The download name of a Content-Disposition, as a browser reads it (RFC 5987 `filename*`). */
function attachmentName(disposition: unknown): string {
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(String(disposition));
  return encoded ? decodeURIComponent(encoded[1]) : '';
}

describe('county drill-down: a township ledger, read-only, inside the subtree only', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  /** A city over two counties: the one that drills down, with two townships, and a sibling county with one. */
  async function cityWithCounties() {
    const city = await Fixtures.of(app).organization({ name: '平顶山市人民政府' });
    const { county, townships } = await countyWithTownships(app, 2, city.org.id);
    const sibling = await countyWithTownships(app, 1, city.org.id);
    const [township, neighbour] = townships;
    return { city, county, township, neighbour, siblingTownship: sibling.townships[0] };
  }

  /**
   * Callers and organizations outside their subtree: the county asking for a sibling county's township and for an
   * unknown id, a township asking for its county and for its neighbour.
   */
  function outsideTheSubtree(tree: Awaited<ReturnType<typeof cityWithCounties>>): Array<[string, string]> {
    const { county, township, neighbour, siblingTownship } = tree;
    return [
      [county.users.leader.token, siblingTownship.org.id],
      [county.users.leader.token, randomUUID()],
      [township.users.leader.token, county.org.id],
      [township.users.viewer.token, neighbour.org.id],
    ];
  }

  /**
   * Each read in `paths`, asked by `caller` for `organizationId`, answers the 404 of GET /tasks for it: the same status
   * and the same body, so no route tells an organization outside the subtree from one that does not exist.
   */
  async function expectRefusedAsTaskList(refusals: Array<[string, string]>, paths: string[]) {
    for (const [caller, organizationId] of refusals) {
      const list = await app.get(`/api/v1/tasks?organizationId=${organizationId}`, { token: caller });
      expect(list.status).toBe(404);
      expect(list.body.code).toBe('ORGANIZATION_NOT_FOUND');
      for (const path of paths) {
        const refused = await app.get(`${path}?organizationId=${organizationId}`, { token: caller });
        expect({ path, status: refused.status, body: refused.body }).toEqual({
          path,
          status: 404,
          body: list.body,
        });
      }
    }
  }

  it('lists and opens a township task for the county, with the ledger filters, and refuses every change', async () => {
    const { city, county, township, neighbour, siblingTownship } = await cityWithCounties();
    const fixtures = Fixtures.of(app);
    const unitId = township.units['司法所'].id;
    const overdue = await fixtures.task(township.org.id, {
      deadline: '2020-01-01',
      title: '逾期整改任务',
      unitId,
    });
    await fixtures.task(township.org.id, { deadline: '2099-01-01', title: '正常推进任务', unitId });
    await fixtures.task(neighbour.org.id, { deadline: '2099-01-01', title: '另一个乡镇的任务' });
    const token = county.users.leader.token;

    const all = await app.get(`/api/v1/tasks?organizationId=${township.org.id}`, { token });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(
      all.body.items.every((task: { organizationId: string }) => task.organizationId === township.org.id),
    ).toBe(true);
    const filtered = await app.get(`/api/v1/tasks?organizationId=${township.org.id}&overdue=true`, { token });
    expect(filtered.body.items.map((task: { id: string }) => task.id)).toEqual([overdue]);
    const fromCity = await app.get(`/api/v1/tasks?organizationId=${township.org.id}&light=red`, {
      token: city.users.viewer.token,
    });
    expect(fromCity.body.total).toBe(1);
    const names = await app.get(`/api/v1/directory?organizationId=${township.org.id}`, { token });
    expect(names.body.units.map((unit: { id: string }) => unit.id)).toContain(unitId);

    const opened = await app.get(`/api/v1/tasks/${overdue}`, { token });
    expect(opened.status).toBe(200);
    // From above, the only thing a county leader may do to a township's task is press it (县级督办).
    expect(opened.body).toMatchObject({ id: overdue, title: '逾期整改任务', allowedActions: ['urge'] });

    const writes = [
      app.patch(`/api/v1/tasks/${overdue}`, { version: opened.body.version, title: '改名' }, { token }),
      app.post(`/api/v1/tasks/${overdue}/updates`, { progress: 50, note: '县里代报' }, { token }),
      app.post(
        `/api/v1/tasks/${overdue}/cancel`,
        { reason: '县里撤销' },
        { token: county.users.admin.token },
      ),
      app.post(
        `/api/v1/tasks/${overdue}/review`,
        { decision: 'approve' },
        { token: county.users.admin.token },
      ),
    ];
    for (const response of await Promise.all(writes)) expect([403, 404]).toContain(response.status);
    const after = await app.get(`/api/v1/tasks/${overdue}`, { token: township.users.leader.token });
    expect(after.body).toMatchObject({ title: '逾期整改任务', progress: 0, version: opened.body.version });

    // Outside the subtree: a sibling county's township, a county above, an unknown id.
    const sideways = await app.get(`/api/v1/tasks?organizationId=${siblingTownship.org.id}`, { token });
    expect(sideways.status).toBe(404);
    expect(sideways.body.code).toBe('ORGANIZATION_NOT_FOUND');
    const siblingTask = await fixtures.task(siblingTownship.org.id, { deadline: '2099-01-01' });
    expect((await app.get(`/api/v1/tasks/${siblingTask}`, { token })).status).toBe(404);
    const upwards = await app.get(`/api/v1/tasks?organizationId=${county.org.id}`, {
      token: township.users.leader.token,
    });
    expect(upwards.status).toBe(404);
    expect((await app.get(`/api/v1/tasks?organizationId=${randomUUID()}`, { token })).status).toBe(404);
    expect(
      (
        await app.get(`/api/v1/directory?organizationId=${county.org.id}`, {
          token: township.users.viewer.token,
        })
      ).status,
    ).toBe(404);
  });

  it('gives the county a township’s grouped 台账 and its Excel, titled for the township, under the same subtree rule as GET /tasks', async () => {
    const tree = await cityWithCounties();
    const { county, township, neighbour } = tree;
    const fixtures = Fixtures.of(app);
    const unitId = township.units['司法所'].id;
    const problem = await fixtures.task(township.org.id, {
      deadline: '2099-06-30',
      planYear: 2025,
      itemKind: 'problem',
      title: '行政执法案卷不规范',
    });
    const measure = await fixtures.task(township.org.id, {
      deadline: '2099-06-30',
      planYear: 2025,
      title: '开展案卷评查',
      unitId,
      problemTaskId: problem,
    });
    const alone = await fixtures.task(township.org.id, {
      deadline: '2020-01-01',
      planYear: 2025,
      title: '修订执法全过程记录制度',
      unitId,
    });
    await fixtures.task(neighbour.org.id, {
      deadline: '2099-01-01',
      planYear: 2025,
      title: '另一个乡镇的任务',
    });
    await fixtures.task(county.org.id, { deadline: '2099-01-01', planYear: 2025, title: '县本级的任务' });
    const token = county.users.leader.token;
    const below = `organizationId=${township.org.id}&year=2025`;
    const title = `${township.org.name}2025年度法治政府建设问题整改台账`;

    const ledger = await app.get(`/api/v1/tasks/ledger?${below}`, { token });
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({
      organizationName: township.org.name,
      title,
      taskCount: 3,
      groupCount: 2,
    });
    expect(
      ledger.body.groups.map((group: { problemId: string | null; measures: Array<{ id: string }> }) => ({
        problemId: group.problemId,
        measures: group.measures.map((entry) => entry.id),
      })),
    ).toEqual([
      { problemId: problem, measures: [measure] },
      { problemId: null, measures: [alone] },
    ]);
    // A township with nothing for the year answers an empty ledger rather than never answering.
    const empty = await app.get(`/api/v1/tasks/ledger?organizationId=${neighbour.org.id}&year=2031`, {
      token,
    });
    expect(empty.body).toMatchObject({ taskCount: 0, groupCount: 0, groups: [] });
    // Without organizationId the county still reads its own.
    const own = await app.get('/api/v1/tasks/ledger?year=2025', { token });
    expect(own.body).toMatchObject({ organizationName: county.org.name, taskCount: 1 });

    const exported = await app.get(`/api/v1/tasks/export.xlsx?${below}`, { token });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    // Saved under the township's name, with an ASCII name for clients that cannot read the Chinese one.
    expect(attachmentName(exported.headers['content-disposition'])).toBe(`${township.org.name}整改台账.xlsx`);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="ledger\.xlsx"; /);
    const ownExport = await app.get('/api/v1/tasks/export.xlsx?year=2025', { token });
    expect(attachmentName(ownExport.headers['content-disposition'])).toBe(`${county.org.name}整改台账.xlsx`);
    // Kept for a look at the printed form (soffice --convert-to pdf).
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, '乡镇整改台账-县级导出.xlsx'), exported.raw);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.raw as never);
    const sheet = workbook.getWorksheet('整改台账')!;
    expect(sheet.getCell('A1').value).toBe(title);
    expect(String(sheet.getCell('A2').value)).toBe(`填报单位：${township.org.name}`);
    // Title, 填报 and header rows, then a line per measure, its problem in the 问题 column.
    expect(sheet.rowCount).toBe(5);
    const lines = [4, 5].map((number) => sheet.getRow(number));
    expect(lines.map((row) => row.getCell(TASK_ID).value)).toEqual([measure, alone]);
    expect(lines.map((row) => [row.getCell(PROBLEM).value, row.getCell(MEASURE).value])).toEqual([
      ['行政执法案卷不规范', '开展案卷评查'],
      ['', '修订执法全过程记录制度'],
    ]);
    expect(lines.map((row) => row.getCell(UNIT).value)).toEqual(['司法所', '司法所']);

    // Read-only: the township's sheet does not go back in through the county's import.
    const upload = multipart('台账.xlsx', exported.raw, XLSX);
    const imported = await app.post('/api/v1/tasks/import.xlsx', upload.body, {
      token,
      headers: upload.headers,
    });
    expect(imported.status).toBe(400);
    expect(imported.body.code).toBe('IMPORT_INVALID');

    // Outside the subtree: the same 404 as GET /tasks.
    await expectRefusedAsTaskList(outsideTheSubtree(tree), [
      '/api/v1/tasks/ledger',
      '/api/v1/tasks/export.xlsx',
    ]);
  });

  it('lists a township’s reports for its county, read-only, so the drill-down filters the township’s ledger by them, under the rule of GET /tasks', async () => {
    const tree = await cityWithCounties();
    const { city, county, township, neighbour } = tree;
    const fixtures = Fixtures.of(app);
    const report = (name: string) => readFileSync(join(REPORTS, name), 'utf8');
    const reported = await fixtures.importReport(township.org.id, report('township-answered-problems.txt'));
    await fixtures.task(township.org.id, { deadline: '2099-06-30', title: '不出自报告的任务' });
    await fixtures.importReport(neighbour.org.id, report('township-problem-cause-pairs.txt'));
    await fixtures.importReport(county.org.id, report('county-document-number.txt'));
    const token = county.users.leader.token;
    const [townshipReport] = (await app.get('/api/v1/reports', { token: township.users.viewer.token })).body;

    const listed = await app.get(`/api/v1/reports?organizationId=${township.org.id}`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([townshipReport]);
    // What a summary shows, and nothing more: no text, no hash, no place in storage.
    expect(Object.keys(townshipReport).sort()).toEqual(
      [
        'id',
        'fileName',
        'title',
        'organization',
        'reportYear',
        'planYear',
        'sizeBytes',
        'createdAt',
        'itemCount',
        'taskCount',
      ].sort(),
    );
    expect(townshipReport).toMatchObject({
      title: '关于2024年度法治政府建设工作情况的报告',
      taskCount: reported.length,
    });
    const fromCity = await app.get(`/api/v1/reports?organizationId=${township.org.id}`, {
      token: city.users.viewer.token,
    });
    expect(fromCity.body).toEqual([townshipReport]);
    // Without organizationId, and with its own, the county lists its own reports.
    const own = await app.get('/api/v1/reports', { token });
    expect(own.body.map((entry: { title: string }) => entry.title)).toEqual([
      '关于2023年度法治政府建设情况的报告',
    ]);
    expect((await app.get(`/api/v1/reports?organizationId=${county.org.id}`, { token })).body).toEqual(
      own.body,
    );

    // The township's ledger filtered by the township's report: that report's tasks and no others.
    const filtered = await app.get(
      `/api/v1/tasks/ledger?organizationId=${township.org.id}&reportId=${townshipReport.id}&all=true`,
      { token },
    );
    expect(filtered.status).toBe(200);
    expect(filtered.body.taskCount).toBe(reported.length);
    const unfiltered = await app.get(`/api/v1/tasks/ledger?organizationId=${township.org.id}&all=true`, {
      token,
    });
    expect(unfiltered.body.taskCount).toBe(reported.length + 1);

    // The report itself, its items and its text stay the township's: the county filters by it, it does not open it.
    for (const path of [
      `/api/v1/reports/${townshipReport.id}`,
      `/api/v1/reports/${townshipReport.id}/text`,
    ]) {
      const opened = await app.get(path, { token });
      expect({ path, status: opened.status, code: opened.body.code }).toEqual({
        path,
        status: 404,
        code: 'REPORT_NOT_FOUND',
      });
    }
    expect((await app.get('/api/v1/reports?organizationId=zhangliang', { token })).status).toBe(400);

    // Outside the subtree: the same 404 as GET /tasks.
    await expectRefusedAsTaskList(outsideTheSubtree(tree), ['/api/v1/reports']);
  });
});
