import { DataSource } from 'typeorm';
import { TaskRepository } from '../../../src/tasks/task.repository';
import { TestApp, testRuntime } from '../../support/test-app';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { LEDGER_UNITS } from './ledger-fixtures';

/**
 * A remembered ledger page is dropped by the writes that can change it and no others: a page filtered to a unit
 * (or an assignee) depends on that unit's tasks only, the organization-wide list on all of them. Whether a page
 * came from memory shows in how often the process reads a page from the database.
 */
describe('ledger list: a write invalidates the pages of the scopes its task is in', () => {
  let app: TestApp;
  let db: DataSource;
  let org: OrgWithUsers;
  let pageReads: jest.SpyInstance;
  const [unitA, unitB] = LEDGER_UNITS;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    db = app.app.get(DataSource);
    org = await Fixtures.of(app).organization({ units: LEDGER_UNITS });
    pageReads = jest.spyOn(app.app.get(TaskRepository), 'findPageInScope');
  });
  afterAll(async () => {
    pageReads.mockRestore();
    await app.close();
  });

  const seed = (unit: string, count: number) =>
    Fixtures.of(app).tasks(org.org.id, count, {
      status: 'in_progress',
      deadline: '2099-06-30',
      leaderId: org.users.leader.id,
      unitId: org.units[unit].id,
      assigneeId: org.users.staff.id,
    });

  /** The page's items and whether answering it read a page from the database. */
  const list = async (query: string) => {
    const before = pageReads.mock.calls.length;
    const response = await app.get(`/api/v1/tasks?${query}`, { token: org.users.viewer.token });
    expect(response.status).toBe(200);
    return { body: response.body, readPage: pageReads.mock.calls.length > before };
  };

  it('keeps unit B’s page through a write in unit A, and drops the organization-wide list and unit A’s page', async () => {
    const [taskA] = await seed(unitA, 3);
    await seed(unitB, 2);
    const unitBQuery = `unitId=${org.units[unitB].id}&status=in_progress`;
    const unitAQuery = `unitId=${org.units[unitA].id}`;
    const orgQuery = 'status=in_progress';
    for (const query of [unitBQuery, unitAQuery, orgQuery]) expect((await list(query)).readPage).toBe(true);
    for (const query of [unitBQuery, unitAQuery, orgQuery]) expect((await list(query)).readPage).toBe(false);

    const updated = await app.post(
      `/api/v1/tasks/${taskA.id}/updates`,
      { progress: 70, note: '完成一半' },
      { token: org.users.staff.token },
    );
    expect(updated.status).toBe(201);

    const unitBAfter = await list(unitBQuery);
    expect(unitBAfter.readPage).toBe(false);
    expect(unitBAfter.body.total).toBe(2);
    const unitAAfter = await list(unitAQuery);
    expect(unitAAfter.readPage).toBe(true);
    expect(unitAAfter.body.items.find((item: { id: string }) => item.id === taskA.id).progress).toBe(70);
    const orgAfter = await list(orgQuery);
    expect(orgAfter.readPage).toBe(true);
    expect(orgAfter.body.items.find((item: { id: string }) => item.id === taskA.id).progress).toBe(70);
  });

  it('drops the pages of both units when a task moves from one to the other, even by a write straight into the database', async () => {
    const [moving] = await seed(unitA, 1);
    const unitBQuery = `unitId=${org.units[unitB].id}&pageSize=100`;
    const before = (await list(unitBQuery)).body.total;
    expect((await list(unitBQuery)).readPage).toBe(false);

    await db.query(`UPDATE tasks SET unit_id = $2 WHERE id = $1`, [moving.id, org.units[unitB].id]);

    const after = await list(unitBQuery);
    expect(after.readPage).toBe(true);
    expect(after.body.total).toBe(before + 1);
    expect(after.body.items.map((item: { id: string }) => item.id)).toContain(moving.id);
  });

  it('keeps tallied totals exact through inserts, status changes, moves and deletes', async () => {
    const tallied = `unitId=${org.units[unitA].id}&status=completed&pageSize=1`;
    const counted = `unitId=${org.units[unitA].id}&status=completed&q=整改任务&pageSize=1`;
    const startTotal = (await list(tallied)).body.total;
    const fresh = await seed(unitA, 4);
    await db.query(`UPDATE tasks SET status = 'completed' WHERE id = ANY($1::uuid[])`, [
      fresh.map((task) => task.id),
    ]);
    expect((await list(tallied)).body.total).toBe(startTotal + 4);
    await db.query(`UPDATE tasks SET unit_id = $2 WHERE id = $1`, [fresh[0].id, org.units[unitB].id]);
    await db.query(`DELETE FROM tasks WHERE id = $1`, [fresh[1].id]);
    const { body } = await list(tallied);
    expect(body.total).toBe(startTotal + 2);
    expect(body.total).toBe((await list(counted)).body.total);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM tasks WHERE organization_id = $1 AND unit_id = $2 AND status = 'completed'`,
      [org.org.id, org.units[unitA].id],
    );
    expect(body.total).toBe(n);
  });

  it('answers a page past the end with the filter’s total and no items', async () => {
    await seed(unitB, 3);
    const query = `unitId=${org.units[unitB].id}`;
    const { total } = (await list(query)).body;
    for (const extra of ['', '&q=整改任务']) {
      const { body } = await list(`${query}${extra}&page=999&pageSize=50`);
      expect(body.items).toEqual([]);
      expect(body.total).toBe(total);
    }
  });
});
