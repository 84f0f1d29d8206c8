import { todayIn } from '../../../src/common/calendar';
import { DataSource } from 'typeorm';
import { writeFileSync } from 'node:fs';
import { DEMO_WORKLOG } from '../../../src/demo/demo-plan';
import { DemoSeederService } from '../../../src/demo/demo-seeder.service';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';

import { TestApp, testRuntime } from '../../support/test-app';

describe('demo township (npm run demo)', () => {
  const definition = DemoSeederService.definition();
  let app: TestApp;
  let organizationId: string;

  // Seeding imports the demo report through a parse thread, which loads the parser on first use.
  beforeAll(async () => {
    app = await TestApp.start({ ...testRuntime('api'), demo: true });
    const [row] = await app.app
      .get(DataSource)
      .query(`SELECT organization_id AS id FROM users WHERE username = $1`, [definition.users[0].username]);
    organizationId = row.id;
  }, 60_000);

  afterAll(() => app.close());

  async function login(username: string): Promise<string> {
    const response = await app.post('/api/v1/auth/login', { username, password: definition.password });
    expect(response.status).toBe(200);
    return response.body.accessToken;
  }

  it('creates the township, its units and one user per role, marked as demo', async () => {
    const dataSource = app.app.get(DataSource);
    const units = await dataSource.query(`SELECT name FROM units WHERE organization_id = $1 ORDER BY name`, [
      organizationId,
    ]);
    expect(units.map((u: { name: string }) => u.name).sort()).toEqual(
      definition.units.map((u) => u.name).sort(),
    );
    const roles = await dataSource.query(`SELECT DISTINCT role FROM users WHERE organization_id = $1`, [
      organizationId,
    ]);
    expect(roles.map((r: { role: string }) => r.role).sort()).toEqual(['admin', 'leader', 'staff', 'viewer']);
    expect((await app.get('/api/v1/meta')).body).toMatchObject({ demo: true });
  });

  it('spreads the imported report over every state: completed, in review, behind schedule, overdue, unassigned', async () => {
    const token = await login('demo-leader');
    const stats = await app.get('/api/v1/tasks?pageSize=100', { token });
    expect(stats.status).toBe(200);
    const tasks = stats.body.items as { status: string; overdue: boolean; light: string }[];
    const count = (predicate: (task: (typeof tasks)[number]) => boolean) => tasks.filter(predicate).length;
    expect(tasks.length).toBe(11);
    expect(count((t) => t.status === 'completed')).toBe(3);
    expect(count((t) => t.status === 'pending_review')).toBe(2);
    expect(count((t) => t.status === 'new')).toBe(1);
    expect(count((t) => t.overdue)).toBe(2);
    expect(count((t) => t.status === 'in_progress' && t.light === 'yellow')).toBeGreaterThanOrEqual(1);
    expect(count((t) => t.light === 'red')).toBe(2);
  });

  it('running it again keeps the data and adds nothing', async () => {
    const seeded = await app.app.get(DemoSeederService).seed();
    expect(seeded).toBe(false);
    const [{ count }] = await app.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM tasks WHERE organization_id = $1`, [organizationId]);
    expect(count).toBe(11);
  });

  it("gives today's reminder sweep something to send to the demo staff", async () => {
    await app.app.get(ReminderSweepService).sweepOrganization(todayIn('Asia/Shanghai'), organizationId);
    const rows = await app.app
      .get(DataSource)
      .query(
        `SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.organization_id = $1`,
        [organizationId],
      );
    expect(rows.map((row: { kind: string }) => row.kind)).toEqual(
      expect.arrayContaining(['due_in_7', 'due_in_1', 'overdue']),
    );
  });

  it("names the completed tasks in next year's report draft", async () => {
    const token = await login('demo-viewer');
    const draft = await app.get('/api/v1/reports/drafts/2026', { token });
    expect(draft.status).toBe(200);
    const text = JSON.stringify(draft.body);
    const completed = await app.app
      .get(DataSource)
      .query(`SELECT title FROM tasks WHERE organization_id = $1 AND status = 'completed'`, [organizationId]);
    expect(completed).toHaveLength(3);
    for (const task of completed) expect(text).toContain(task.title);
  });

  it('logs the year’s work up to today into the report, so the draft has more than the tasks', async () => {
    const token = await login('demo-viewer');
    const today = todayIn('Asia/Shanghai');
    const logged = DEMO_WORKLOG.filter((entry) => `2026-${entry.day}` <= today);
    const draft = await app.get('/api/v1/reports/drafts/2026', { token });
    if (process.env.DRAFT_DUMP) writeFileSync(process.env.DRAFT_DUMP, JSON.stringify(draft.body, null, 1));
    const text = JSON.stringify(draft.body);
    for (const entry of logged) expect(text).toContain(entry.text);
    const leadership = draft.body.sections.find((s: { key: string }) => s.key === 'leadership');
    if (logged.some((entry) => entry.category === 'leadership'))
      expect(leadership.paragraphs.some((p: { placeholder?: boolean }) => p.placeholder)).toBe(false);
  });
});
