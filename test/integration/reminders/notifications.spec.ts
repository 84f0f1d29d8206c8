import { addDays } from '../../../src/common/calendar';
import type { AuthUser } from '../../../src/identity/auth-user';
import { NotificationsService } from '../../../src/notifications/notifications.service';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';
import { Fixtures } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';

const AS_OF = '2025-08-01';

describe("the caller's notifications", () => {
  let app: TestApp;
  let fx: Fixtures;
  let notifications: NotificationsService;

  beforeAll(async () => {
    app = await TestApp.start();
    fx = Fixtures.of(app);
    notifications = app.app.get(NotificationsService);
  });

  afterAll(() => app.close());

  it("lists only the caller's own, filters unread, pages, and marks one or all read", async () => {
    const { org } = await fx.organization();
    const staffId = (await fx.user(org.id, 'staff')).id;
    const otherId = (await fx.user(org.id, 'staff')).id;
    for (const days of [7, 3, 1])
      await fx.task(org.id, { deadline: addDays(AS_OF, days), assigneeId: staffId, title: `任务${days}` });
    await fx.task(org.id, { deadline: addDays(AS_OF, 7), assigneeId: otherId });
    await app.app.get(ReminderSweepService).sweepOrganization(AS_OF, org.id);
    const me: AuthUser = {
      id: staffId,
      organizationId: org.id,
      role: 'staff',
      unitId: null,
      username: 'me',
      displayName: '我',
    };

    const all = await notifications.list(me, {});
    expect(all).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });
    expect(all.items.every((n) => n.userId === staffId)).toBe(true);
    expect(all.items.map((n) => n.body)).toContain(
      `任务「任务1」的截止日期为 ${addDays(AS_OF, 1)}，还有 1 天到期，请抓紧办理。`,
    );
    expect((await notifications.list(me, { page: 2, pageSize: 2 })).items).toHaveLength(1);

    await notifications.markRead(me, all.items[0].id);
    expect(await notifications.list(me, { unread: true })).toMatchObject({ total: 2, unread: 2 });
    await expect(notifications.markRead({ ...me, id: otherId }, all.items[1].id)).rejects.toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
    });
    expect(await notifications.markAllRead(me)).toEqual({ updated: 2 });
    expect(await notifications.list(me, { unread: true })).toMatchObject({ total: 0, unread: 0 });
  });
});
