import { DataSource } from 'typeorm';
import { VOCABULARY } from '../../../src/tasks/vocabulary';
import { TestApp, testRuntime } from '../../support/test-app';
import { FixtureUser, Fixtures } from '../../support/fixtures';
import { LEDGER_UNITS } from './ledger-fixtures';

/** The ledger's shape of a test organization: unit ids by name, and a second staff user in the other unit. */
interface LedgerOrg {
  orgId: string;
  units: Record<string, string>;
  users: Record<'admin' | 'leader' | 'staff' | 'otherStaff' | 'viewer', FixtureUser>;
}

async function ledgerOrg(app: TestApp, name?: string): Promise<LedgerOrg> {
  const fixtures = Fixtures.of(app);
  const { org, units, users } = await fixtures.organization({ name, units: LEDGER_UNITS });
  const otherStaff = await fixtures.user(org.id, 'staff', { unitId: units[LEDGER_UNITS[1]].id });
  const unitIds = Object.fromEntries(Object.entries(units).map(([unitName, unit]) => [unitName, unit.id]));
  return { orgId: org.id, units: unitIds, users: { ...users, otherStaff } };
}

/** What the screens read besides tasks: the words (GET /meta), the names (GET /directory) and the counts (stats). */
describe('sources of the screens', () => {
  let app: TestApp;
  let db: DataSource;
  let org: LedgerOrg;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    db = app.app.get(DataSource);
    org = await ledgerOrg(app);
  });
  afterAll(() => app.close());

  it('serves one vocabulary without signing in, where status, item type and light share no word', async () => {
    const meta = await app.get('/api/v1/meta');
    expect(meta.status).toBe(200);
    expect(meta.body.vocabulary).toEqual(VOCABULARY);
    const { statuses, itemTypes, lights, taskActions, roles, permissions } = meta.body.vocabulary;
    const words = [statuses, itemTypes, lights].flatMap((list) =>
      list.map((e: { label: string }) => e.label),
    );
    expect(new Set(words).size).toBe(words.length);
    expect(taskActions.map((entry: { key: string }) => entry.key)).toContain('submit_for_review');
    expect(roles).toContainEqual({ key: 'staff', label: '工作人员' });
    expect(permissions['report.import']).toEqual(['admin', 'leader']);
  });

  it('gives staff and viewers the names of everyone and every unit, and nothing secret', async () => {
    await db.query(
      `UPDATE users SET phone = '13800000000', email = 'x@example.test' WHERE organization_id = $1`,
      [org.orgId],
    );
    const other = await ledgerOrg(app, '别的镇');
    for (const token of [org.users.staff.token, org.users.viewer.token]) {
      const directory = await app.get('/api/v1/directory', { token });
      expect(directory.status).toBe(200);
      expect(directory.body.users).toHaveLength(5);
      expect(directory.body.users).toContainEqual({
        id: org.users.leader.id,
        displayName: org.users.leader.displayName,
        role: 'leader',
        unitId: null,
        active: true,
      });
      expect(directory.body.units.map((unit: { name: string }) => unit.name).sort()).toEqual(
        ['党政综合办公室', '综合行政执法队'].sort(),
      );
      const text = JSON.stringify(directory.body);
      for (const secret of ['13800000000', 'example.test', 'password', 'username', other.orgId])
        expect(text).not.toContain(secret);
    }
    expect((await app.get('/api/v1/directory')).status).toBe(401);
  });

  it('counts every task of the organization by light, gray for closed ones, also per unit and past 100 tasks', async () => {
    const statsOrg = await ledgerOrg(app, '鲁山县让河乡人民政府');
    const unit = statsOrg.units['综合行政执法队'];
    const insert = (count: number, status: string, deadline: string) =>
      db.query(
        `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, unit_id, deadline, status, progress, assigned_at)
         SELECT $1, 'rectification', 'measure', '任务' || n, '任务。', $2, $3::date, $4::varchar, 50, now()
           FROM generate_series(1, $5::int) n`,
        [statsOrg.orgId, unit, deadline, status, count],
      );
    await insert(120, 'in_progress', '2099-12-31');
    await insert(7, 'in_progress', '2020-01-31');
    await insert(5, 'completed', '2020-01-31');
    await insert(2, 'cancelled', '2099-12-31');
    const stats = await app.get('/api/v1/tasks/stats', { token: statsOrg.users.staff.token });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      total: 134,
      overdue: 7,
      byLight: { green: 120, yellow: 0, red: 7, gray: 7 },
    });
    expect(stats.body.byUnit).toEqual([
      { unitId: unit, count: 134, byLight: { green: 120, yellow: 0, red: 7, gray: 7 } },
    ]);
  });

  it('lists the 办理记录 in the order things happened, also past the ninth entry', async () => {
    const [task] = await db.query(
      `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, leader_id, unit_id, deadline, status, assigned_at)
       VALUES ($1, 'rectification', 'measure', '规范行政执法案卷', '规范行政执法案卷。', $2, $3, '2099-06-30', 'assigned', now())
       RETURNING id`,
      [org.orgId, org.users.leader.id, org.units['综合行政执法队']],
    );
    for (let step = 1; step <= 11; step++) {
      const posted = await app.post(
        `/api/v1/tasks/${task.id}/updates`,
        { progress: step * 5, note: `第${step}次报送` },
        { token: org.users.staff.token },
      );
      expect(posted.status).toBe(201);
    }
    const detail = await app.get(`/api/v1/tasks/${task.id}`, { token: org.users.viewer.token });
    expect(detail.body.history.map((row: { note: string }) => row.note)).toEqual(
      Array.from({ length: 11 }, (_, i) => `第${i + 1}次报送`),
    );
  });
});
