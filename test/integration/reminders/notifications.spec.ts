import { Client } from 'pg';
import type { AuthUser } from '../../../src/identity/auth-user';
import { NotificationsService } from '../../../src/notifications/notifications.service';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';
import { TestApp } from '../../support/test-app';
import { addDays, connectDb, createOrganization, createTask, createUser } from './reminder-fixtures';

const AS_OF = '2025-08-01';

describe("the caller's notifications", () => {
  let db: Client;
  let app: TestApp;
  let notifications: NotificationsService;

  beforeAll(async () => {
    db = await connectDb();
    app = await TestApp.start();
    notifications = app.app.get(NotificationsService);
  });

  afterAll(async () => {
    await app.close();
    await db.end();
  });

  it("lists only the caller's own, filters unread, pages, and marks one or all read", async () => {
    const org = await createOrganization(db, '通知测试');
    const staffId = await createUser(db, org, 'staff');
    const otherId = await createUser(db, org, 'staff');
    for (const days of [7, 3, 1])
      await createTask(db, {
        organizationId: org,
        deadline: addDays(AS_OF, days),
        assigneeId: staffId,
        title: `任务${days}`,
      });
    await createTask(db, { organizationId: org, deadline: addDays(AS_OF, 7), assigneeId: otherId });
    await app.app.get(ReminderSweepService).sweep(AS_OF);
    const me: AuthUser = {
      id: staffId,
      organizationId: org,
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
