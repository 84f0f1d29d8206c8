import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { TestApp, testRuntime } from '../../support/test-app';
import { FixtureUser, Fixtures, OrgWithUsers } from '../../support/fixtures';
import { uniqueSuffix } from '../../support/test-env';
import { LEDGER_UNITS, SAMPLE_REPORT, multipart } from './ledger-fixtures';

describe('ledger: reports → tasks → review', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  /** Staff of the other unit. */
  let otherStaff: FixtureUser;
  let db: DataSource;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api', { UPLOAD_MAX_BYTES: '4096' }));
    db = app.app.get(DataSource);
    org = await Fixtures.of(app).organization({ units: LEDGER_UNITS });
    otherStaff = await Fixtures.of(app).user(org.org.id, 'staff', { unitId: org.units[LEDGER_UNITS[1]].id });
  });
  afterAll(() => app.close());

  const upload = (fileName: string, content: Buffer | string, token = org.users.leader.token) => {
    const { body, headers } = multipart(fileName, content);
    return app.post('/api/v1/reports', body, { token, headers });
  };

  async function importTasks() {
    const report = await upload(`report-${Date.now()}.txt`, `${SAMPLE_REPORT}\n${Math.random()}`);
    expect(report.status).toBe(201);
    const problem = report.body.items.find((item: { kind: string }) => item.kind === 'problem');
    const created = await app.post(
      `/api/v1/reports/${report.body.id}/tasks`,
      {
        items: [
          {
            itemId: problem.id,
            leaderId: org.users.leader.id,
            unitId: org.units['综合行政执法队'].id,
            deadline: '2099-12-31',
          },
        ],
      },
      { token: org.users.leader.token },
    );
    expect(created.status).toBe(201);
    return { report: report.body, task: created.body.tasks[0] };
  }

  it('uploads, dedupes, confirms items into tasks without duplicates', async () => {
    const first = await upload('report.txt', SAMPLE_REPORT);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ duplicate: false, reportYear: 2024, planYear: 2025 });
    expect(first.body.items.length).toBeGreaterThanOrEqual(3);
    expect(first.body.items.every((item: { id: string }) => typeof item.id === 'string')).toBe(true);

    const again = await upload('same.txt', SAMPLE_REPORT);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });

    const plan = first.body.items.find((item: { kind: string }) => item.kind === 'plan');
    // An explicit past deadline is taken as given (only the suggestions are kept out of the past).
    const body = { items: [{ itemId: plan.id, leaderId: org.users.leader.id, deadline: '2025-12-31' }] };
    const created = await app.post(`/api/v1/reports/${first.body.id}/tasks`, body, {
      token: org.users.leader.token,
    });
    expect(created.status).toBe(201);
    const task = created.body.tasks[0];
    expect(task).toMatchObject({
      kind: 'plan',
      planYear: 2025,
      sourceText: plan.text,
      reportItemId: plan.id,
      source: { reportId: first.body.id, start: plan.start },
    });
    expect(task.statusLabel).toMatch(/[\u4e00-\u9fff]/);

    const repeated = await app.post(`/api/v1/reports/${first.body.id}/tasks`, body, {
      token: org.users.leader.token,
    });
    expect(repeated.body.tasks[0].id).toBe(task.id);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM tasks WHERE report_item_id = $1`, [
      plan.id,
    ]);
    expect(count).toBe(1);

    const text = await app.get(`/api/v1/reports/${first.body.id}/text`, { token: org.users.viewer.token });
    expect(text.body.slice(plan.start, plan.end)).toBe(plan.text);
    const list = await app.get('/api/v1/reports', { token: org.users.viewer.token });
    expect(list.body).toEqual([
      expect.objectContaining({ id: first.body.id, taskCount: 1, itemCount: first.body.items.length }),
    ]);
    const detail = await app.get(`/api/v1/reports/${first.body.id}`, { token: org.users.viewer.token });
    expect(detail.body.items.find((item: { id: string }) => item.id === plan.id).taskId).toBe(task.id);
  });

  it('rejects bad uploads with clear codes and leaves nothing behind', async () => {
    const before = await db.query(`SELECT count(*)::int AS count FROM reports`);
    const storage = testRuntime().config.STORAGE_DIR;
    const filesBefore = existsSync(join(storage, 'reports'))
      ? readdirSync(join(storage, 'reports'), { recursive: true }).length
      : 0;

    const tooLarge = await upload('big.txt', '法治'.repeat(3000));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('FILE_TOO_LARGE');
    const wrongType = await upload('report.pdf', '%PDF-1.4 nope');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.message).toMatch(/[\u4e00-\u9fff]/);
    const empty = await upload('empty.txt', '');
    expect(empty.status).toBe(400);
    const byStaff = await upload('x.txt', SAMPLE_REPORT, org.users.staff.token);
    expect(byStaff.status).toBe(403);

    expect(await db.query(`SELECT count(*)::int AS count FROM reports`)).toEqual(before);
    const filesAfter = existsSync(join(storage, 'reports'))
      ? readdirSync(join(storage, 'reports'), { recursive: true }).length
      : 0;
    expect(filesAfter).toBe(filesBefore);
  });

  it('rolls back rows and removes the stored file when the database write fails midway', async () => {
    // Fault injection: a trigger that fails the insert of one marked item, after the report row was written.
    await db.query(`CREATE FUNCTION ledger_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.text LIKE '%故障注入%' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await db.query(
      `CREATE TRIGGER ledger_test_fail BEFORE INSERT ON report_items FOR EACH ROW EXECUTE FUNCTION ledger_test_fail()`,
    );
    try {
      const content = SAMPLE_REPORT.replace('群众参与度不高。', '群众参与度不高，故障注入。');
      const sha256 = createHash('sha256').update(Buffer.from(content)).digest('hex');
      const response = await upload('fail.txt', content);
      expect(response.status).toBe(500);
      expect(await db.query(`SELECT id FROM reports WHERE sha256 = $1`, [sha256])).toEqual([]);
      expect(existsSync(join(testRuntime().config.STORAGE_DIR, 'reports', sha256.slice(0, 2), sha256))).toBe(
        false,
      );
    } finally {
      await db.query(`DROP TRIGGER ledger_test_fail ON report_items`);
      await db.query(`DROP FUNCTION ledger_test_fail()`);
    }
  });

  it('carries a task through its whole lifecycle with complete history and outbox events', async () => {
    const { task } = await importTasks();
    expect(task.status).toBe('assigned');
    const token = org.users.staff.token;

    const started = await app.post(
      `/api/v1/tasks/${task.id}/updates`,
      { progress: 40, note: '已组织培训两次' },
      { token },
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'in_progress', progress: 40 });

    const foreignStaff = await app.post(
      `/api/v1/tasks/${task.id}/updates`,
      { progress: 50, note: 'x' },
      { token: otherStaff.token },
    );
    expect(foreignStaff.status).toBe(403);

    const submitted = await app.post(
      `/api/v1/tasks/${task.id}/updates`,
      { status: 'pending_review', progress: 100, note: '申请销号', outcome: '培训覆盖全部执法人员' },
      { token },
    );
    expect(submitted.body.status).toBe('pending_review');

    const rejected = await app.post(
      `/api/v1/tasks/${task.id}/review`,
      { decision: 'reject', comment: '佐证不足' },
      { token: org.users.leader.token },
    );
    expect(rejected.body.status).toBe('in_progress');
    await app.post(
      `/api/v1/tasks/${task.id}/updates`,
      { status: 'pending_review', note: '补充佐证' },
      { token },
    );
    const approved = await app.post(
      `/api/v1/tasks/${task.id}/review`,
      { decision: 'approve' },
      { token: org.users.leader.token },
    );
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      status: 'completed',
      statusLabel: '已销号',
      progress: 100,
      overdue: false,
      outcome: '培训覆盖全部执法人员',
    });

    const detail = await app.get(`/api/v1/tasks/${task.id}`, { token: org.users.viewer.token });
    expect(detail.body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'created',
      'progress',
      'progress',
      'rejected',
      'progress',
      'approved',
    ]);
    expect(detail.body.history[3].changes.status).toEqual({ from: 'pending_review', to: 'in_progress' });
    expect(detail.body.history.every((entry: { actorId: string }) => entry.actorId)).toBe(true);
    expect(detail.body.updates).toHaveLength(3);

    const events = await db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [
      task.id,
    ]);
    const types = events.map((event: { type: string }) => event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'task.created',
        'task.assigned',
        'task.status_changed',
        'task.review_requested',
        'task.rejected',
        'task.completed',
      ]),
    );

    const afterClose = await app.post(
      `/api/v1/tasks/${task.id}/updates`,
      { progress: 10, note: '再报' },
      { token },
    );
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('answers illegal transitions with 409 naming both states', async () => {
    const { task } = await importTasks();
    const review = await app.post(
      `/api/v1/tasks/${task.id}/review`,
      { decision: 'approve' },
      { token: org.users.leader.token },
    );
    expect(review.status).toBe(409);
    expect(review.body).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(review.body.message).toContain('已交办');
    const cancelled = await app.post(
      `/api/v1/tasks/${task.id}/cancel`,
      { reason: '合并到其他任务' },
      { token: org.users.leader.token },
    );
    expect(cancelled.body.status).toBe('cancelled');
    const again = await app.post(
      `/api/v1/tasks/${task.id}/cancel`,
      { reason: '再撤销' },
      { token: org.users.leader.token },
    );
    expect(again.status).toBe(409);
  });

  it('lets exactly one of two concurrent edits with the same version win', async () => {
    const { task } = await importTasks();
    const token = org.users.leader.token;
    const [a, b] = await Promise.all([
      app.patch(`/api/v1/tasks/${task.id}`, { version: task.version, deadline: '2099-06-30' }, { token }),
      app.patch(`/api/v1/tasks/${task.id}`, { version: task.version, title: '改过的标题' }, { token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((response) => response.status === 409)!.body.code).toBe('VERSION_CONFLICT');
  });

  it('refuses people and units of another organization with 404 and shows lights in the list', async () => {
    const { task } = await importTasks();
    const other = await Fixtures.of(app).organization({
      name: `另一个镇${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
    const token = org.users.leader.token;
    const foreignLeader = await app.patch(
      `/api/v1/tasks/${task.id}`,
      { version: task.version, leaderId: other.users.leader.id },
      { token },
    );
    expect(foreignLeader.status).toBe(404);
    const foreignUnit = await app.patch(
      `/api/v1/tasks/${task.id}`,
      { version: task.version, unitId: other.units['综合行政执法队'].id },
      { token },
    );
    expect(foreignUnit.status).toBe(404);

    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const moved = await app.patch(
      `/api/v1/tasks/${task.id}`,
      { version: task.version, deadline: soon },
      { token },
    );
    expect(moved.body).toMatchObject({ light: 'yellow', overdue: false, version: task.version + 1 });
    expect(moved.body.history.at(-1).changes.deadline).toEqual({ from: '2099-12-31', to: soon });
    const yellow = await app.get('/api/v1/tasks?light=yellow&pageSize=100', { token });
    expect(yellow.body.items.map((item: { id: string }) => item.id)).toContain(task.id);
    const green = await app.get('/api/v1/tasks?light=green&pageSize=100', { token });
    expect(green.body.items.map((item: { id: string }) => item.id)).not.toContain(task.id);
  });

  it('keeps history append-only in the database', async () => {
    const { task } = await importTasks();
    await expect(
      db.query(`UPDATE task_history SET note = 'x' WHERE task_id = $1`, [task.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM task_history WHERE task_id = $1`, [task.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it("hides other organizations' tasks (404) and lists with filters, search and labels", async () => {
    const { task } = await importTasks();
    const other = await Fixtures.of(app).organization({
      name: `别的镇${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
    const foreign = await app.get(`/api/v1/tasks/${task.id}`, { token: other.users.admin.token });
    expect(foreign.status).toBe(404);
    const foreignList = await app.get('/api/v1/tasks', { token: other.users.admin.token });
    expect(foreignList.body.total).toBe(0);

    const token = org.users.viewer.token;
    const found = await app.get(
      `/api/v1/tasks?q=${encodeURIComponent('业务水平')}&status=assigned&pageSize=100`,
      { token },
    );
    expect(found.status).toBe(200);
    expect(found.body.items.map((item: { id: string }) => item.id)).toContain(task.id);
    expect(found.body.items[0]).toMatchObject({
      light: expect.any(String),
      lightLabel: expect.any(String),
      overdue: false,
    });
    const none = await app.get(`/api/v1/tasks?q=${encodeURIComponent('不存在的词')}`, { token });
    expect(none.body.total).toBe(0);
    // The plan task of the first test was confirmed with the deadline 2025-12-31, which has passed.
    const red = await app.get('/api/v1/tasks?light=red&overdue=true', { token });
    expect(red.body.total).toBeGreaterThan(0);
    expect(
      red.body.items.every(
        (item: { light: string; overdue: boolean; statusLabel: string }) =>
          item.light === 'red' && item.overdue,
      ),
    ).toBe(true);
    expect(red.body.items.map((item: { id: string }) => item.id)).not.toContain(task.id);
    const onSchedule = await app.get('/api/v1/tasks?overdue=false&pageSize=100', { token });
    expect(onSchedule.body.items.map((item: { id: string }) => item.id)).toContain(task.id);
    const all = await app.get('/api/v1/tasks?sort=title&pageSize=100', { token });
    const titles = all.body.items.map((item: { title: string }) => item.title);
    const reversed = await app.get('/api/v1/tasks?sort=-title&pageSize=100', { token });
    // Collation-independent: the descending titles are the ascending ones reversed.
    expect(new Set(titles).size).toBeGreaterThan(1);
    expect(reversed.body.items.map((item: { title: string }) => item.title)).toEqual([...titles].reverse());
    const second = await app.get('/api/v1/tasks?sort=title&page=2&pageSize=1', { token });
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: all.body.total });
    expect(second.body.items[0].id).toBe(all.body.items[1].id);
    const tooBig = await app.get('/api/v1/tasks?pageSize=101', { token });
    expect(tooBig.status).toBe(400);
    const stats = await app.get('/api/v1/tasks/stats', { token });
    expect(stats.body.total).toBe(onSchedule.body.total + red.body.total);
    expect(stats.body.overdue).toBe(red.body.total);
  });

  it('exports the 整改台账 as a sheet that reads back', async () => {
    const { task } = await importTasks();
    const response = await app.get('/api/v1/tasks/export.xlsx', { token: org.users.viewer.token });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw as never);
    const sheet = workbook.getWorksheet('整改台账')!;
    expect(sheet.getRow(3).values).toEqual(
      expect.arrayContaining([
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
      ]),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const ids: unknown[] = [];
    sheet.eachRow((row, number) => number > 3 && ids.push(row.getCell(11).value));
    expect(ids).toContain(task.id);
  });
});
