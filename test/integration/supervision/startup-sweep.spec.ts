import { addDays, todayIn } from '../../../src/common/calendar';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';
import { Fixtures } from '../../support/fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { TestApp, testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

useIsolatedDatabase();

describe('supervision: the start-up sweep (no silent day after a restart)', () => {
  let fx: Fixtures;
  const runtime = () => testRuntime('all', { REMINDER_SWEEP_ON_START: 'true', OUTBOX_POLL_MS: '100' });

  beforeAll(async () => {
    fx = await Fixtures.connect();
  });
  afterAll(() => fx.close());

  const partsOn = (day: string, organizationId: string) =>
    fx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reminder_sweeps WHERE as_of = $1 AND organization_id = $2`,
      [day, organizationId],
    );

  it('sweeps today on start for organizations without a sweep today, once per organization per day', async () => {
    const today = todayIn('Asia/Shanghai');
    const late = await fx.organization();
    const overdue = await fx.task(late.org.id, {
      deadline: addDays(today, -1),
      assigneeId: late.users.staff.id,
      unitId: late.users.staff.unitId,
      leaderId: late.users.leader.id,
    });
    // An organization whose sweep already ran today is left alone.
    const swept = await fx.organization();
    await fx.query(
      `INSERT INTO reminder_sweeps (as_of, organization_id, enqueued_at) VALUES ($1, $2, now())`,
      [today, swept.org.id],
    );
    const sweptTask = await fx.task(swept.org.id, {
      deadline: addDays(today, -1),
      assigneeId: swept.users.staff.id,
    });

    let app = await TestApp.start(runtime());
    try {
      const reminder = await waitFor(
        async () =>
          (
            await fx.query<{ user_id: string; kind: string }>(
              `SELECT user_id, kind FROM notifications WHERE task_id = $1 AND kind = 'overdue'`,
              [overdue],
            )
          )[0],
        30_000,
        '启动补扫的逾期提醒',
      );
      expect(reminder.user_id).toBe(late.users.staff.id);
      expect((await partsOn(today, late.org.id))[0].n).toBe(1);
      expect((await partsOn(today, swept.org.id))[0].n).toBe(1);
      const [{ n: sweptNotices }] = await fx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE task_id = $1`,
        [sweptTask],
      );
      expect(sweptNotices).toBe(0);
    } finally {
      await app.close();
    }

    // A restart the same day adds nothing for them; an organization made in between is swept.
    const newcomer = await fx.organization();
    app = await TestApp.start(runtime());
    try {
      await waitFor(async () => (await partsOn(today, newcomer.org.id))[0].n === 1, 30_000, '新单位的补扫');
      expect((await partsOn(today, late.org.id))[0].n).toBe(1);
      const [{ n }] = await fx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE task_id = $1 AND kind = 'overdue'`,
        [overdue],
      );
      expect(n).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('does not sweep on start when REMINDER_SWEEP_ON_START is off', async () => {
    const quiet = await fx.organization();
    // The start-up sweep is asked for while the app starts (onApplicationBootstrap), so whether it was asked for is
    // known once the start returns, on any machine. (A fixed wait before looking for its rows passed on a loaded
    // machine even with the switch ignored: the sweep had not been recorded yet.)
    const catchUp = jest.spyOn(ReminderSweepService.prototype, 'catchUp');
    const app = await TestApp.start(testRuntime('api'));
    try {
      expect(catchUp).not.toHaveBeenCalled();
      expect((await partsOn(todayIn('Asia/Shanghai'), quiet.org.id))[0].n).toBe(0);
    } finally {
      await app.close();
      catchUp.mockRestore();
    }
  });
});
