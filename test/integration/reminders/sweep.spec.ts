import { INestApplicationContext } from '@nestjs/common';
import { addDays } from '../../../src/common/calendar';
import { JobProducer } from '../../../src/queue/job-producer';
import { QueueName } from '../../../src/queue/jobs';
import { reminderKindsOn, reminderPolicy } from '../../../src/reminders/reminder-rules';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';
import { Fixtures } from '../../support/fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { startWorker, TestApp, testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

const AS_OF = '2025-06-10';

useIsolatedDatabase();

describe('reminder sweep', () => {
  let app: TestApp;
  let fx: Fixtures;
  let sweeps: ReminderSweepService;

  const remindersOf = (taskIds: string[]) =>
    fx.query<{ task_id: string; kind: string; user_id: string }>(
      `SELECT task_id, kind, user_id FROM notifications WHERE task_id = ANY($1::uuid[]) ORDER BY task_id, kind, user_id`,
      [taskIds],
    );

  beforeAll(async () => {
    app = await TestApp.start();
    fx = Fixtures.of(app);
    sweeps = app.app.get(ReminderSweepService);
  });

  afterAll(() => app.close());

  it('produces exactly the kinds the rules give for every distance to the deadline', async () => {
    const { org, users } = await fx.organization();
    const offsets = Array.from({ length: 40 }, (_, i) => i - 8);
    const tasks = new Map<string, number>();
    for (const over of offsets)
      tasks.set(await fx.task(org.id, { deadline: addDays(AS_OF, -over), assigneeId: users.staff.id }), over);

    await sweeps.sweepOrganization(AS_OF, org.id);

    const policy = reminderPolicy(testRuntime().config);
    const expected = [...tasks.values()].flatMap((over) =>
      reminderKindsOn(over, 0, policy)
        .filter((k) => !k.startsWith('escalate'))
        .map((kind) => `${over}:${kind}`),
    );
    const actual = (await remindersOf([...tasks.keys()]))
      .filter((r) => r.user_id === users.staff.id)
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
    const { org } = await fx.organization();
    const unit = await fx.unit(org.id);
    const assignee = (await fx.user(org.id, 'staff', { unitId: unit })).id;
    const otherStaff = (await fx.user(org.id, 'staff', { unitId: unit })).id;
    const retired = (await fx.user(org.id, 'staff', { unitId: unit, active: false })).id;
    const due = addDays(AS_OF, 3);
    const assigned = await fx.task(org.id, { deadline: due, assigneeId: assignee, unitId: unit });
    const unassigned = await fx.task(org.id, { deadline: due, unitId: unit, status: 'new' });
    const deactivatedAssignee = await fx.task(org.id, { deadline: due, assigneeId: retired, unitId: unit });
    const closed: string[] = [];
    for (const status of ['completed', 'cancelled', 'pending_review'])
      closed.push(await fx.task(org.id, { deadline: due, assigneeId: assignee, unitId: unit, status }));

    await sweeps.sweepOrganization(AS_OF, org.id);

    const byTask = async (id: string) => (await remindersOf([id])).map((r) => r.user_id).sort();
    expect(await byTask(assigned)).toEqual([assignee]);
    expect(await byTask(unassigned)).toEqual([assignee, otherStaff].sort());
    expect(await byTask(deactivatedAssignee)).toEqual([assignee, otherStaff].sort());
    expect(await remindersOf(closed)).toEqual([]);
    const rows = await fx.query(`SELECT title, body FROM notifications WHERE task_id = $1`, [assigned]);
    expect(rows[0]).toEqual({
      title: '整改任务3天后到期',
      body: `任务「整改任务」的截止日期为 ${due}，还有 3 天到期，请抓紧办理。`,
    });
  });

  it('escalates to the leader and to the parent organization admins, and idle tasks to the leader', async () => {
    const parent = await fx.organization({ name: `市政府-${Date.now()}` });
    const { org, users } = await fx.organization({ parentId: parent.org.id });
    const late = await fx.task(org.id, {
      deadline: addDays(AS_OF, -15),
      assigneeId: users.staff.id,
      leaderId: users.leader.id,
    });
    const idle = await fx.task(org.id, {
      deadline: null,
      assigneeId: users.staff.id,
      leaderId: users.leader.id,
      lastActivityAt: `${addDays(AS_OF, -31)}T12:00:00+08:00`,
    });

    await sweeps.sweepOrganization(AS_OF, org.id);

    const kinds = (await remindersOf([late, idle]))
      .filter((r) => r.kind.startsWith('escalate'))
      .map((r) => `${r.task_id === late ? 'late' : 'idle'}:${r.kind}:${r.user_id}`)
      .sort();
    expect(kinds).toEqual(
      [`idle:escalate_leader:${users.leader.id}`, `late:escalate_parent:${parent.users.admin.id}`].sort(),
    );
    const [escalation] = await fx.query(
      `SELECT organization_id, body FROM notifications WHERE task_id = $1 AND kind = 'escalate_parent'`,
      [late],
    );
    expect(escalation).toEqual({
      organization_id: parent.org.id,
      body: `任务「整改任务」（截止日期 ${addDays(AS_OF, -15)}）已逾期 15 天，请督促下级单位办理。`,
    });
  });

  it('stores each reminder once when an organization is swept twice, or twice at the same time', async () => {
    const { org, users } = await fx.organization();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await fx.task(org.id, { deadline: addDays(AS_OF, 7), assigneeId: users.staff.id }));
    const other = await TestApp.start();
    try {
      const [a, b] = await Promise.all([
        sweeps.sweepOrganization(AS_OF, org.id),
        other.app.get(ReminderSweepService).sweepOrganization(AS_OF, org.id),
      ]);
      expect(a.stored + b.stored).toBe(3);
      expect((await remindersOf(ids)).length).toBe(3);
      expect((await sweeps.sweepOrganization(AS_OF, org.id)).stored).toBe(0);
      expect((await remindersOf(ids)).length).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('a new deadline takes effect at the next sweep', async () => {
    const { org, users } = await fx.organization();
    const task = await fx.task(org.id, { deadline: addDays(AS_OF, 3), assigneeId: users.staff.id });
    await fx.query(`UPDATE tasks SET deadline = $2 WHERE id = $1`, [task, addDays(AS_OF, 20)]);
    await sweeps.sweepOrganization(AS_OF, org.id);
    expect(await remindersOf([task])).toEqual([]);
  });

  describe('over HTTP, with a worker', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await startWorker();
    });

    afterAll(() => worker.close());

    /** POSTs a sweep and waits until every organization job it queued has completed. */
    async function sweepAs(token: string, asOf: string) {
      const response = await app.post(`/api/v1/admin/reminders/sweep?asOf=${asOf}`, undefined, { token });
      if (response.status !== 200) return response;
      const parts = await fx.query<{ id: string; organization_id: string }>(
        `SELECT id::text, organization_id FROM reminder_sweeps ORDER BY id DESC LIMIT $1`,
        [response.body.enqueued],
      );
      const queue = app.app.get(JobProducer).queue(QueueName.Reminders);
      await waitFor(async () => {
        const states = await Promise.all(
          parts.map(async (part) => (await queue.getJob(`reminder-sweep-${part.id}`))?.getState()),
        );
        return states.every((state) => state === 'completed');
      });
      return { ...response, parts };
    }

    it("sweeps only the caller's organization, so another township's reminders of that day still come", async () => {
      const county = await fx.organization();
      const mine = await fx.organization({ parentId: county.org.id });
      const theirs = await fx.organization({ parentId: county.org.id });
      // On 2027-01-15 one task is a day overdue (已逾期 to its staff), the other fifteen (escalated to the county).
      const seed = async (o: typeof mine) => [
        await fx.task(o.org.id, { deadline: '2027-01-14', assigneeId: o.users.staff.id }),
        await fx.task(o.org.id, { deadline: '2026-12-31', assigneeId: o.users.staff.id }),
      ];
      const [myTasks, theirTasks] = [await seed(mine), await seed(theirs)];
      const received = async (tasks: string[]) =>
        (await remindersOf(tasks)).map((r) => `${r.kind}:${r.user_id}`).sort();
      const expected = (o: typeof mine) =>
        [`overdue:${o.users.staff.id}`, `escalate_parent:${county.users.admin.id}`].sort();

      const swept = await sweepAs(mine.users.admin.token, '2027-01-15');
      expect(swept.status).toBe(200);
      expect(swept.body).toEqual({ asOf: '2027-01-15', enqueued: 1, pending: 0 });
      expect(await received(myTasks)).toEqual(expected(mine));
      expect(await received(theirTasks)).toEqual([]);

      // Their own sweep on that day is not suppressed by the other one (reminders are stored once per day).
      await sweepAs(theirs.users.admin.token, '2027-01-15');
      expect(await received(theirTasks)).toEqual(expected(theirs));
    });

    it('queues, from a worker, a recorded sweep that its request could not queue', async () => {
      const { org, users } = await fx.organization();
      const task = await fx.task(org.id, { deadline: addDays('2026-05-01', 3), assigneeId: users.staff.id });
      // As a request leaves it when Redis does not answer: recorded, not queued.
      await fx.query(
        `INSERT INTO reminder_sweeps (as_of, organization_id, created_at) VALUES ('2026-05-01', $1, now() - interval '1 minute')`,
        [org.id],
      );
      await waitFor(async () => (await remindersOf([task])).length > 0);
      expect((await remindersOf([task])).map((r) => r.kind)).toEqual(['due_in_3']);
      expect(
        await fx.query(
          `SELECT enqueued_at IS NOT NULL AS queued FROM reminder_sweeps WHERE organization_id = $1`,
          [org.id],
        ),
      ).toEqual([{ queued: true }]);
    });

    it("covers a county's townships when a county admin sweeps", async () => {
      const county = await fx.organization();
      const township = await fx.organization({ parentId: county.org.id });
      const task = await fx.task(township.org.id, {
        deadline: addDays('2026-03-01', 1),
        assigneeId: township.users.staff.id,
      });
      const swept = await sweepAs(county.users.admin.token, '2026-03-01');
      expect(swept.body).toMatchObject({ enqueued: 2, pending: 0 });
      expect(
        (swept as { parts: { organization_id: string }[] }).parts.map((p) => p.organization_id).sort(),
      ).toEqual([county.org.id, township.org.id].sort());
      expect((await remindersOf([task])).map((r) => r.kind)).toEqual(['due_in_1']);
    });

    it('lets only admins run it, answers 400 INVALID_DATE for a date that does not exist, and the reminders arrive', async () => {
      const { org, users } = await fx.organization();
      const task = await fx.task(org.id, { deadline: addDays('2025-06-20', 1), assigneeId: users.staff.id });
      expect((await sweepAs(users.leader.token, '2025-06-20')).status).toBe(403);
      const bad = await sweepAs(users.admin.token, '2025-02-30');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'INVALID_DATE' });
      expect((await sweepAs(users.admin.token, '2025-06-20')).status).toBe(200);
      expect((await remindersOf([task])).map((r) => r.kind)).toEqual(['due_in_1']);

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
});
