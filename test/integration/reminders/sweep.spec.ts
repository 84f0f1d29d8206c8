import { Client } from 'pg';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';
import { reminderKindsOn, reminderPolicy } from '../../../src/reminders/reminder-rules';
import { createOrgWithUsers } from '../../support/identity-fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import {
  addDays,
  connectDb,
  createOrganization,
  createTask,
  createUnit,
  createUser,
} from './reminder-fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';

const AS_OF = '2025-06-10';

async function remindersOf(
  db: Client,
  taskIds: string[],
): Promise<{ task_id: string; kind: string; user_id: string }[]> {
  const { rows } = await db.query(
    `SELECT task_id, kind, user_id FROM notifications WHERE task_id = ANY($1::uuid[]) ORDER BY task_id, kind, user_id`,
    [taskIds],
  );
  return rows;
}

useIsolatedDatabase();

describe('reminder sweep', () => {
  let db: Client;
  let app: TestApp;
  let sweeps: ReminderSweepService;

  beforeAll(async () => {
    db = await connectDb();
    app = await TestApp.start();
    sweeps = app.app.get(ReminderSweepService);
  });

  afterAll(async () => {
    await app.close();
    await db.end();
  });

  it('produces exactly the kinds the rules give for every distance to the deadline', async () => {
    const org = await createOrganization(db, '县政府');
    const assignee = await createUser(db, org, 'staff');
    const offsets = Array.from({ length: 40 }, (_, i) => i - 8);
    const tasks = new Map<string, number>();
    for (const over of offsets)
      tasks.set(
        await createTask(db, { organizationId: org, deadline: addDays(AS_OF, -over), assigneeId: assignee }),
        over,
      );

    await sweeps.sweep(AS_OF);

    const policy = reminderPolicy(testRuntime().config);
    const expected = [...tasks.values()].flatMap((over) =>
      reminderKindsOn(over, 0, policy)
        .filter((k) => !k.startsWith('escalate'))
        .map((kind) => `${over}:${kind}`),
    );
    const actual = (await remindersOf(db, [...tasks.keys()]))
      .filter((r) => r.user_id === assignee)
      .map((r) => `${tasks.get(r.task_id)}:${r.kind}`);
    expect(actual.sort()).toEqual(expected.sort());
    expect(expected).toEqual(
      expect.arrayContaining([
        '-7:due_in_7',
        '-3:due_in_3',
        '-1:due_in_1',
        '0:due_today',
        '1:overdue',
        '10:overdue',
      ]),
    );
  });

  it('sends deadline reminders to the active assignee, else unit staff, and skips closed, cancelled and pending-review tasks', async () => {
    const org = await createOrganization(db, '镇政府');
    const unit = await createUnit(db, org);
    const assignee = await createUser(db, org, 'staff', { unitId: unit });
    const otherStaff = await createUser(db, org, 'staff', { unitId: unit });
    const retired = await createUser(db, org, 'staff', { unitId: unit, active: false });
    const due = addDays(AS_OF, 3);
    const assigned = await createTask(db, {
      organizationId: org,
      deadline: due,
      assigneeId: assignee,
      unitId: unit,
    });
    const unassigned = await createTask(db, {
      organizationId: org,
      deadline: due,
      unitId: unit,
      status: 'new',
    });
    const deactivatedAssignee = await createTask(db, {
      organizationId: org,
      deadline: due,
      assigneeId: retired,
      unitId: unit,
    });
    const closed: string[] = [];
    for (const status of ['completed', 'cancelled', 'pending_review'])
      closed.push(
        await createTask(db, {
          organizationId: org,
          deadline: due,
          assigneeId: assignee,
          unitId: unit,
          status,
        }),
      );

    await sweeps.sweep(AS_OF);

    const byTask = async (id: string) => (await remindersOf(db, [id])).map((r) => r.user_id).sort();
    expect(await byTask(assigned)).toEqual([assignee]);
    expect(await byTask(unassigned)).toEqual([assignee, otherStaff].sort());
    expect(await byTask(deactivatedAssignee)).toEqual([assignee, otherStaff].sort());
    expect(await remindersOf(db, closed)).toEqual([]);
    const { rows } = await db.query(`SELECT title, body FROM notifications WHERE task_id = $1`, [assigned]);
    expect(rows[0]).toEqual({
      title: '整改任务3天后到期',
      body: `任务「整改任务」的截止日期为 ${due}，还有 3 天到期，请抓紧办理。`,
    });
  });

  it('escalates to the leader and to the parent organization admins, and idle tasks to the leader', async () => {
    const parent = await createOrganization(db, '市政府');
    const parentAdmin = await createUser(db, parent, 'admin');
    const org = await createOrganization(db, '区政府', parent);
    const leader = await createUser(db, org, 'leader');
    const staff = await createUser(db, org, 'staff');
    const late = await createTask(db, {
      organizationId: org,
      deadline: addDays(AS_OF, -15),
      assigneeId: staff,
      leaderId: leader,
    });
    const idle = await createTask(db, {
      organizationId: org,
      deadline: null,
      assigneeId: staff,
      leaderId: leader,
      lastActivityAt: `${addDays(AS_OF, -31)}T12:00:00+08:00`,
    });

    await sweeps.sweep(AS_OF);

    const kinds = (await remindersOf(db, [late, idle]))
      .map((r) => `${r.task_id === late ? 'late' : 'idle'}:${r.kind}:${r.user_id}`)
      .sort();
    expect(kinds).toEqual([`idle:escalate_leader:${leader}`, `late:escalate_parent:${parentAdmin}`].sort());
  });

  it('running the sweep twice, or twice at the same time, stores each reminder once', async () => {
    const org = await createOrganization(db, '乡政府');
    const staff = await createUser(db, org, 'staff');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await createTask(db, { organizationId: org, deadline: addDays(AS_OF, 7), assigneeId: staff }));
    const other = await TestApp.start();
    try {
      const [a, b] = await Promise.all([
        sweeps.sweep(AS_OF),
        other.app.get(ReminderSweepService).sweep(AS_OF),
      ]);
      expect(a.enqueued + b.enqueued).toBeGreaterThanOrEqual(3);
      expect((await remindersOf(db, ids)).length).toBe(3);
      expect((await sweeps.sweep(AS_OF)).enqueued).toBe(0);
      expect((await remindersOf(db, ids)).length).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('a new deadline takes effect at the next sweep', async () => {
    const org = await createOrganization(db, '街道');
    const staff = await createUser(db, org, 'staff');
    const task = await createTask(db, {
      organizationId: org,
      deadline: addDays(AS_OF, 3),
      assigneeId: staff,
    });
    await db.query(`UPDATE tasks SET deadline = $2 WHERE id = $1`, [task, addDays(AS_OF, 20)]);
    await sweeps.sweep(AS_OF);
    expect(await remindersOf(db, [task])).toEqual([]);
  });

  it('lets only admins run it over HTTP, answers {enqueued}, and 400 INVALID_DATE for a date that does not exist', async () => {
    const { org, users } = await createOrgWithUsers(app);
    const task = await createTask(db, {
      organizationId: org.id,
      deadline: addDays('2025-06-20', 1),
      assigneeId: users.staff.id,
    });
    expect(
      (
        await app.post('/api/v1/admin/reminders/sweep?asOf=2025-06-20', undefined, {
          token: users.leader.token,
        })
      ).status,
    ).toBe(403);
    const bad = await app.post('/api/v1/admin/reminders/sweep?asOf=2025-02-30', undefined, {
      token: users.admin.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_DATE' });
    const ran = await app.post('/api/v1/admin/reminders/sweep?asOf=2025-06-20', undefined, {
      token: users.admin.token,
    });
    expect(ran.status).toBe(200);
    expect(ran.body.enqueued).toBeGreaterThanOrEqual(1);
    expect((await remindersOf(db, [task])).map((r) => r.kind)).toEqual(['due_in_1']);

    const mine = await app.get('/api/v1/notifications?unread=true', { token: users.staff.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ taskId: task, title: '整改任务明天到期', readAt: null }),
    ]);
    const read = await app.post(`/api/v1/notifications/${mine.body.items[0].id}/read`, undefined, {
      token: users.staff.token,
    });
    expect(read.status).toBe(200);
    expect(
      (await app.get('/api/v1/notifications?unread=true', { token: users.staff.token })).body.total,
    ).toBe(0);
    expect(
      (
        await app.post(`/api/v1/notifications/${mine.body.items[0].id}/read`, undefined, {
          token: users.viewer.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (await app.post('/api/v1/notifications/read-all', undefined, { token: users.staff.token })).body,
    ).toEqual({ updated: 0 });
  });
});
