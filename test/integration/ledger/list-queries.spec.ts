import { DataSource } from 'typeorm';
import { TestApp, testRuntime } from '../../support/test-app';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { uniqueSuffix } from '../../support/test-env';
import { LEDGER_UNITS } from './ledger-fixtures';

/**
 * List totals and whole pages are reused while an organization's tasks are unchanged. Two app instances on one
 * database stand for two API processes: a write through one, or straight into the database, must show in the
 * other's totals and pages.
 */
describe('ledger list: totals and pages across API processes, lights and indexes', () => {
  let first: TestApp;
  let second: TestApp;
  let db: DataSource;
  let org: OrgWithUsers;
  let otherOrg: OrgWithUsers;

  beforeAll(async () => {
    first = await TestApp.start(testRuntime('api'));
    second = await TestApp.start(testRuntime('api'));
    db = first.app.get(DataSource);
    org = await Fixtures.of(first).organization({ units: LEDGER_UNITS });
    otherOrg = await Fixtures.of(first).organization({
      name: `鲁山县四棵树乡人民政府${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  const insertTasks = (target: OrgWithUsers, count: number, status: string, deadline: string) =>
    Fixtures.of(first).tasks(target.org.id, count, {
      status,
      deadline,
      leaderId: target.users.leader.id,
      unitId: target.units['综合行政执法队'].id,
      assigneeId: target.users.staff.id,
    });

  const total = async (app: TestApp, query: string, target = org): Promise<number> => {
    const response = await app.get(`/api/v1/tasks?${query}`, { token: target.users.viewer.token });
    expect(response.status).toBe(200);
    return response.body.total;
  };

  it('follows writes made through the other process, through the database and by other organizations', async () => {
    const [task] = await insertTasks(org, 3, 'in_progress', '2099-06-30');
    const filter = 'status=in_progress&overdue=false';
    expect(await total(first, filter)).toBe(3);
    expect(await total(second, filter)).toBe(3);

    const submitted = await first.post(
      `/api/v1/tasks/${task.id}/updates`,
      { status: 'pending_review', progress: 100, note: '申请销号', outcome: '已整改' },
      { token: org.users.staff.token },
    );
    expect(submitted.status).toBe(201);
    expect(await total(second, filter)).toBe(2);
    expect(await total(second, 'status=pending_review')).toBe(1);

    await insertTasks(org, 2, 'in_progress', '2099-06-30');
    expect(await total(first, filter)).toBe(4);
    expect(await total(second, filter)).toBe(4);

    await insertTasks(otherOrg, 5, 'in_progress', '2099-06-30');
    expect(await total(second, filter)).toBe(4);
    expect(await total(second, filter, otherOrg)).toBe(5);
  });

  const page = async (app: TestApp, query: string, target = org): Promise<Array<Record<string, any>>> => {
    const response = await app.get(`/api/v1/tasks?${query}`, { token: target.users.viewer.token });
    expect(response.status).toBe(200);
    return response.body.items;
  };

  it('shows changes made through the other process or the database on a page it has already served', async () => {
    const pageOrg = await Fixtures.of(first).organization({
      name: `鲁山县瓦屋镇人民政府${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
    const [task] = await insertTasks(pageOrg, 2, 'in_progress', '2099-03-31');
    const query = 'status=in_progress&pageSize=10';
    const itemOf = async (app: TestApp) =>
      (await page(app, query, pageOrg)).find((item) => item.id === task.id)!;
    expect(await itemOf(second)).toMatchObject({
      progress: 30,
      statusLabel: '整改中',
      extensionPending: false,
    });

    const updated = await first.post(
      `/api/v1/tasks/${task.id}/updates`,
      { progress: 60, note: '完成制度初稿' },
      { token: pageOrg.users.staff.token },
    );
    expect(updated.status).toBe(201);
    expect(await itemOf(second)).toMatchObject({ progress: 60 });

    await db.query(`UPDATE tasks SET title = '改由数据库直接修改的标题' WHERE id = $1`, [task.id]);
    expect(await itemOf(second)).toMatchObject({ title: '改由数据库直接修改的标题' });

    const requested = await first.post(
      `/api/v1/tasks/${task.id}/extensions`,
      { requestedDeadline: '2099-06-30', reason: '需等待上级批复' },
      { token: pageOrg.users.staff.token },
    );
    expect(requested.status).toBe(201);
    expect(await itemOf(second)).toMatchObject({
      extensionPending: true,
      statusLabel: '整改中',
      deadline: '2099-03-31',
    });

    const [{ id: extensionId }] = await db.query(`SELECT id FROM extension_requests WHERE task_id = $1`, [
      task.id,
    ]);
    const refused = await first.post(
      `/api/v1/tasks/${task.id}/extensions/${extensionId}/decision`,
      { decision: 'refuse' },
      { token: pageOrg.users.leader.token },
    );
    expect(refused.status).toBe(201);
    expect(await itemOf(second)).toMatchObject({
      extensionPending: false,
      statusLabel: '整改中',
      deadline: '2099-03-31',
    });
  });

  it('keeps the dashboard counts in step with writes through the other process and the database', async () => {
    const statsOrg = await Fixtures.of(first).organization({
      name: `鲁山县熊背乡人民政府${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
    const [task] = await insertTasks(statsOrg, 3, 'in_progress', '2099-03-31');
    const stats = async () => {
      const response = await second.get('/api/v1/tasks/stats', { token: statsOrg.users.viewer.token });
      expect(response.status).toBe(200);
      const byStatus = Object.fromEntries(
        response.body.byStatus.map((entry: { status: string; count: number }) => [entry.status, entry.count]),
      );
      return {
        total: response.body.total,
        overdue: response.body.overdue,
        inProgress: byStatus.in_progress,
        pendingReview: byStatus.pending_review,
      };
    };
    expect(await stats()).toEqual({ total: 3, overdue: 0, inProgress: 3, pendingReview: 0 });

    const submitted = await first.post(
      `/api/v1/tasks/${task.id}/updates`,
      { status: 'pending_review', progress: 100, note: '申请销号', outcome: '已整改' },
      { token: statsOrg.users.staff.token },
    );
    expect(submitted.status).toBe(201);
    expect(await stats()).toEqual({ total: 3, overdue: 0, inProgress: 2, pendingReview: 1 });

    await insertTasks(statsOrg, 2, 'in_progress', '2020-01-31');
    expect(await stats()).toEqual({ total: 5, overdue: 2, inProgress: 4, pendingReview: 1 });
  });

  it('derives days left afresh on a new day even when no task changed', async () => {
    const dayOrg = await Fixtures.of(first).organization({
      name: `鲁山县赵村镇人民政府${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
    await insertTasks(dayOrg, 1, 'assigned', '2099-12-31');
    const realNow = Date.now();
    // Only Date is faked (a day back: tokens issued today stay valid), so database and timers run as usual.
    jest.useFakeTimers({
      now: realNow - 86_400_000,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    let yesterday: Array<Record<string, any>>;
    try {
      yesterday = await page(second, 'status=assigned', dayOrg);
    } finally {
      jest.useRealTimers();
    }
    const today = await page(second, 'status=assigned', dayOrg);
    expect(today[0].daysLeft).toBe(yesterday[0].daysLeft - 1);
  });

  it('moves a task between the overdue and on-time totals when its deadline changes', async () => {
    const [task] = await insertTasks(org, 1, 'assigned', '2099-01-31');
    const overdueBefore = await total(second, 'overdue=true');
    const current = await first.get(`/api/v1/tasks/${task.id}`, { token: org.users.leader.token });
    const moved = await first.patch(
      `/api/v1/tasks/${task.id}`,
      { version: current.body.version, deadline: '2020-01-31' },
      { token: org.users.leader.token },
    );
    expect(moved.status).toBe(200);
    expect(await total(second, 'overdue=true')).toBe(overdueBefore + 1);
    const listed = await second.get('/api/v1/tasks?overdue=true&pageSize=100', {
      token: org.users.viewer.token,
    });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(task.id);
  });

  it('filters each light to exactly the tasks the list shows with that light', async () => {
    const lightsOrg = await Fixtures.of(first).organization({
      name: `鲁山县辛集乡人民政府${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
    const today = new Date().toISOString().slice(0, 10);
    const plusDays = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    for (const [status, deadline] of [
      ['in_progress', plusDays(-30)],
      ['assigned', plusDays(3)],
      ['in_progress', plusDays(200)],
      ['completed', plusDays(-30)],
      ['cancelled', plusDays(100)],
      ['new', plusDays(-1)],
      ['pending_review', plusDays(7)],
    ]) {
      await insertTasks(lightsOrg, 2, status, deadline);
    }
    const all = await second.get('/api/v1/tasks?pageSize=100', { token: lightsOrg.users.viewer.token });
    const byLight = (light: string) =>
      all.body.items
        .filter((item: { light: string }) => item.light === light)
        .map((item: { id: string }) => item.id)
        .sort();
    for (const light of ['red', 'yellow', 'green', 'gray']) {
      const filtered = await second.get(`/api/v1/tasks?light=${light}&pageSize=100`, {
        token: lightsOrg.users.viewer.token,
      });
      expect(filtered.body.items.map((item: { id: string }) => item.id).sort()).toEqual(byLight(light));
      expect(filtered.body.total).toBe(byLight(light).length);
    }
    expect(byLight('red')).toHaveLength(4);
    expect(byLight('gray')).toHaveLength(4);
    const overdue = await second.get('/api/v1/tasks?overdue=true&pageSize=100', {
      token: lightsOrg.users.viewer.token,
    });
    expect(overdue.body.items.map((item: { id: string }) => item.id).sort()).toEqual(byLight('red'));
  });

  /**
   * The plan of a list query over a ledger of 6,000 tasks, half of them closed, deadlines spread over two years and
   * statistics gathered, all inside a transaction that is rolled back: over the handful of tasks the other tests
   * leave, every index costs the same and the planner's pick is a coin toss.
   */
  async function planOf(sql: string, params: unknown[]): Promise<string> {
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(
        `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, leader_id, unit_id, assignee_id, deadline, status, progress, assigned_at)
         SELECT $1, 'rectification', 'measure', '整改任务' || n, '整改任务' || n, $2, $3, $4, DATE '2026-01-01' + (n % 730),
                (ARRAY['new','assigned','in_progress','pending_review','completed','completed','completed','cancelled'])[1 + n % 8], 30, now()
           FROM generate_series(1, 6000) n`,
        [org.org.id, org.users.leader.id, org.units['综合行政执法队'].id, org.users.leader.id],
      );
      await runner.query('ANALYZE tasks');
      const [row] = await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      return JSON.stringify(row['QUERY PLAN']);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it("serves the ledger's common filters from a range of a due index, in page order", async () => {
    const order = `ORDER BY COALESCE(t.deadline, 'infinity'::date), t.created_at, t.id LIMIT 20`;
    const oneStatus = await planOf(
      `SELECT t.id FROM tasks t WHERE t.organization_id = $1 AND t.status = $2 AND COALESCE(t.deadline, 'infinity'::date) >= $3::date ${order}`,
      [org.org.id, 'in_progress', '2026-12-01'],
    );
    expect(oneStatus).toMatch(/tasks_org_(status|open)_due_idx/);
    expect(oneStatus).toMatch(/"Index Cond":"[^"]*COALESCE\(deadline, 'infinity'::date\)\)? >= /);
    expect(oneStatus).not.toContain('"Node Type":"Sort"');

    const overdue = await planOf(
      `SELECT t.id FROM tasks t WHERE t.organization_id = $1 AND t.status NOT IN ('completed','cancelled') AND COALESCE(t.deadline, 'infinity'::date) < $2::date ${order}`,
      [org.org.id, '2026-12-01'],
    );
    expect(overdue).toContain('tasks_org_open_due_idx');
    expect(overdue).not.toContain('"Node Type":"Sort"');

    const ownTasks = await planOf(
      `SELECT t.id FROM tasks t WHERE t.organization_id = $1 AND t.assignee_id = $2 ${order}`,
      [org.org.id, org.users.staff.id],
    );
    expect(ownTasks).toContain('tasks_org_assignee_due_idx');
    expect(ownTasks).not.toContain('"Node Type":"Sort"');

    const everything = await planOf(`SELECT t.id FROM tasks t WHERE t.organization_id = $1 ${order}`, [
      org.org.id,
    ]);
    expect(everything).toContain('tasks_org_due_idx');
    expect(everything).not.toContain('"Node Type":"Sort"');
  });
});
