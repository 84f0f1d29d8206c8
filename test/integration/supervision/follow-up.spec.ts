import { createServer, Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { addDays, todayIn } from '../../../src/common/calendar';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { startWorker, TestApp, testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

interface StoredNotice {
  user_id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown> | null;
}

describe('supervision: inbox, 催办 / 县级督办 and the notices of the follow-up loop', () => {
  let app: TestApp;
  let worker: INestApplicationContext;
  let webhook: Server;
  const webhookBodies: string[] = [];
  let county: OrgWithUsers;
  let town: OrgWithUsers;
  let today: string;

  beforeAll(async () => {
    webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        webhookBodies.push(body);
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    const port = (webhook.address() as { port: number }).port;
    app = await TestApp.start(testRuntime('api'));
    worker = await startWorker(
      testRuntime('worker', {
        OUTBOX_POLL_MS: '100',
        WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
        WEBHOOK_SECRET: 'hook-secret',
      }),
    );
    county = await Fixtures.of(app).organization({ name: `督办测试县-${Date.now()}` });
    town = await Fixtures.of(app).organization({ parentId: county.org.id });
    today = todayIn('Asia/Shanghai');
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await new Promise<void>((resolve) => webhook.close(() => resolve()));
  });

  const task = (deadline: string, extra: Record<string, unknown> = {}) =>
    Fixtures.of(app).task(town.org.id, {
      deadline,
      leaderId: town.users.leader.id,
      unitId: town.users.staff.unitId,
      assigneeId: town.users.staff.id,
      ...extra,
    });

  const noticesOf = (taskId: string, kind: string, count: number) =>
    waitFor(
      async () => {
        const rows: StoredNotice[] = await Fixtures.of(app).query(
          `SELECT user_id, kind, title, body, data FROM notifications WHERE task_id = $1 AND kind = $2 ORDER BY created_at`,
          [taskId, kind],
        );
        return rows.length >= count ? rows : undefined;
      },
      30_000,
      `${kind} 通知`,
    );

  it('GET /me/inbox counts and lists each queue in the caller’s scope, with the unread count', async () => {
    const org = await Fixtures.of(app).organization();
    const otherLeader = await Fixtures.of(app).user(org.org.id, 'leader');
    const seed = (deadline: string, status: string, leaderId = org.users.leader.id) =>
      Fixtures.of(app).task(org.org.id, {
        deadline,
        status,
        leaderId,
        unitId: org.users.staff.unitId,
        assigneeId: org.users.staff.id,
      });
    const review = await seed(addDays(today, 20), 'pending_review');
    const overdue = await seed(addDays(today, -3), 'in_progress');
    const soon = await seed(addDays(today, 2), 'assigned');
    await seed(addDays(today, 3), 'in_progress'); // 3 days out is no longer 临期
    await seed(addDays(today, -5), 'completed'); // closed: in no queue
    await seed(addDays(today, -1), 'in_progress', otherLeader.id); // another leader's
    const extended = await seed(addDays(today, 30), 'in_progress');
    const asked = await app.post(
      `/api/v1/tasks/${extended}/extensions`,
      { requestedDeadline: addDays(today, 60), reason: '等待批复' },
      { token: org.users.staff.token },
    );
    expect(asked.status).toBe(201);

    const leader = await app.get('/api/v1/me/inbox', { token: org.users.leader.token });
    expect(leader.status).toBe(200);
    const ids = (queue: string) => leader.body[queue].items.map((item: { id: string }) => item.id);
    expect(leader.body.pendingReview.count).toBe(1);
    expect(ids('pendingReview')).toEqual([review]);
    expect(ids('pendingExtensions')).toEqual([extended]);
    expect(ids('overdue')).toEqual([overdue]);
    expect(ids('dueSoon')).toEqual([soon]);
    expect(leader.body.pendingExtensions.items[0]).toMatchObject({
      extensionPending: true,
      title: '整改任务',
    });
    expect(typeof leader.body.unreadNotifications).toBe('number');

    const admin = await app.get('/api/v1/me/inbox', { token: org.users.admin.token });
    expect(admin.body.overdue.count).toBe(2); // the whole organization
    const staff = await app.get('/api/v1/me/inbox', { token: org.users.staff.token });
    expect(staff.body.overdue.count).toBe(2); // both are the staff member's own
    const colleague = await Fixtures.of(app).user(org.org.id, 'staff', {
      unitId: org.units[Object.keys(org.units)[1]].id,
    });
    const elsewhere = await app.get('/api/v1/me/inbox', { token: colleague.token });
    expect(elsewhere.body.overdue).toEqual({ count: 0, items: [] });
    expect((await app.get('/api/v1/me/inbox', { token: org.users.viewer.token })).status).toBe(403);
  });

  it('催办 reaches the assignee on every channel, is in the history, and is refused a second time today (429)', async () => {
    const id = await task(addDays(today, -2));
    const token = town.users.leader.token;
    const urged = await app.post(`/api/v1/tasks/${id}/urge`, { message: '请本周内报送进展' }, { token });
    expect(urged.status).toBe(201);
    expect(urged.body.history.at(-1)).toMatchObject({
      action: 'urged',
      actorId: town.users.leader.id,
      note: '请本周内报送进展',
    });
    const again = await app.post(`/api/v1/tasks/${id}/urge`, {}, { token: town.users.admin.token });
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({
      code: 'URGE_LIMIT_REACHED',
      message: '该任务今天已催办过，每个任务每天只能催办一次',
    });
    expect((await app.post(`/api/v1/tasks/${id}/urge`, {}, { token: town.users.staff.token })).status).toBe(
      403,
    );

    const [notice] = await noticesOf(id, 'task.urged', 1);
    expect(notice).toMatchObject({
      user_id: town.users.staff.id,
      title: '催办',
      data: { supervise: false, message: '请本周内报送进展', link: `#/tasks/${id}` },
    });
    expect(notice.body).toContain('请本周内报送进展');
    // The webhook channel carries it too.
    await waitFor(
      async () => webhookBodies.some((body) => body.includes('请本周内报送进展')),
      30_000,
      '群机器人',
    );
  });

  it('催办 of a task without an assignee reaches the staff of its unit', async () => {
    const second = await Fixtures.of(app).user(town.org.id, 'staff', { unitId: town.users.staff.unitId });
    const id = await task(addDays(today, -1), { assigneeId: null });
    expect((await app.post(`/api/v1/tasks/${id}/urge`, {}, { token: town.users.admin.token })).status).toBe(
      201,
    );
    const notices = await noticesOf(id, 'task.urged', 2);
    expect(notices.map((n) => n.user_id).sort()).toEqual([town.users.staff.id, second.id].sort());
  });

  it('县级督办 from the county reaches the assignee and the township leader; the township answers and the county reads it', async () => {
    const id = await task(addDays(today, -4));
    const countyToken = county.users.leader.token;
    const view = await app.get(`/api/v1/tasks/${id}`, { token: countyToken });
    expect(view.status).toBe(200);
    expect(view.body.allowedActions).toEqual(['urge']); // read-only from above, except pressing
    const patch = await app.patch(`/api/v1/tasks/${id}`, { version: 1, title: '改' }, { token: countyToken });
    expect(patch.status).toBe(404);

    const supervised = await app.post(
      `/api/v1/tasks/${id}/urge`,
      { message: '县政府督办' },
      { token: countyToken },
    );
    expect(supervised.status).toBe(201);
    const entry = supervised.body.history.at(-1);
    expect(entry).toMatchObject({
      action: 'supervised',
      note: '县政府督办',
      actorId: county.users.leader.id,
    });
    const twice = await app.post(`/api/v1/tasks/${id}/urge`, {}, { token: county.users.admin.token });
    expect(twice.status).toBe(429);
    expect(twice.body.message).toBe('该任务今天已督办过，每个任务每天只能督办一次');
    // The township's own 催办 is another kind.
    expect((await app.post(`/api/v1/tasks/${id}/urge`, {}, { token: town.users.leader.token })).status).toBe(
      201,
    );

    const notices = await noticesOf(id, 'task.urged', 3);
    const supervision = notices.filter((n) => n.data?.supervise === true);
    expect(supervision.map((n) => n.user_id).sort()).toEqual(
      [town.users.staff.id, town.users.leader.id].sort(),
    );
    expect(supervision[0]).toMatchObject({ title: '县级督办', data: { message: '县政府督办' } });

    const stranger = await Fixtures.of(app).organization();
    expect(
      (await app.post(`/api/v1/tasks/${id}/urge`, {}, { token: stranger.users.leader.token })).status,
    ).toBe(404);

    // The township's leader sees it waiting for an answer in the inbox.
    const waiting = await app.get('/api/v1/me/inbox', { token: town.users.leader.token });
    expect(waiting.body.pressed.items.map((item: { id: string }) => item.id)).toContain(id);

    const replied = await app.post(
      `/api/v1/tasks/${id}/urge/${entry.id}/reply`,
      { text: '已召开专题会，本周完成整改' },
      { token: town.users.staff.token },
    );
    expect(replied.status).toBe(201);
    const seen = await app.get(`/api/v1/tasks/${id}`, { token: countyToken });
    expect(seen.body.history.at(-1)).toMatchObject({
      action: 'urge_replied',
      note: '已召开专题会，本周完成整改',
      changes: { urgeId: { from: null, to: entry.id } },
    });
    const answered = await app.get('/api/v1/me/inbox', { token: town.users.leader.token });
    expect(answered.body.pressed.items.map((item: { id: string }) => item.id)).not.toContain(id);
    const unknown = await app.post(
      `/api/v1/tasks/${id}/urge/999999999/reply`,
      { text: '答复' },
      { token: town.users.staff.token },
    );
    expect(unknown.body.code).toBe('URGE_NOT_FOUND');
  });

  it('extension loop: the leader is told of a request, the decision with its comment reaches the assignee, the history keeps the deadlines', async () => {
    const id = await task('2099-03-31');
    const requested = await app.post(
      `/api/v1/tasks/${id}/extensions`,
      { requestedDeadline: '2099-06-30', reason: '需等待上级批复' },
      { token: town.users.staff.token },
    );
    expect(requested.body).toMatchObject({ extensionPending: true });
    const [asked] = await noticesOf(id, 'task.extension_requested', 1);
    expect(asked.user_id).toBe(town.users.leader.id);
    expect(asked.body).toContain('2099-06-30');
    expect(asked.body).toContain('需等待上级批复');

    const extensionId = requested.body.extensionRequests[0].id;
    const refused = await app.post(
      `/api/v1/tasks/${id}/extensions/${extensionId}/decision`,
      { decision: 'refuse', comment: '请按原时限完成' },
      { token: town.users.leader.token },
    );
    expect(refused.body.history.at(-1)).toMatchObject({
      action: 'extension_refused',
      changes: { requestedDeadline: { from: '2099-03-31', to: '2099-06-30' } },
      note: '需等待上级批复；请按原时限完成',
    });
    const [decision] = await noticesOf(id, 'task.extension_decided', 1);
    expect(decision).toMatchObject({ user_id: town.users.staff.id, title: '延期申请未同意' });
    expect(decision.body).toContain('请按原时限完成');

    const again = await app.post(
      `/api/v1/tasks/${id}/extensions`,
      { requestedDeadline: '2099-05-31', reason: '材料未齐' },
      { token: town.users.staff.token },
    );
    const approved = await app.post(
      `/api/v1/tasks/${id}/extensions/${again.body.extensionRequests.at(-1).id}/decision`,
      { decision: 'approve', comment: '同意延期' },
      { token: town.users.leader.token },
    );
    expect(approved.body.deadline).toBe('2099-05-31');
    expect(approved.body.history.at(-1)).toMatchObject({
      action: 'extension_approved',
      changes: {
        deadline: { from: '2099-03-31', to: '2099-05-31' },
        requestedDeadline: { from: '2099-03-31', to: '2099-05-31' },
      },
      note: '材料未齐；同意延期',
    });
    const decisions = await noticesOf(id, 'task.extension_decided', 2);
    expect(decisions[1]).toMatchObject({
      title: '延期申请已同意',
      data: { approved: true, link: `#/tasks/${id}` },
    });
  });

  it('退回 carries its reason to the assignee; 销号 reaches the assignee too', async () => {
    const id = await task('2099-03-31', { status: 'pending_review', outcome: '已整改' });
    const rejected = await app.post(
      `/api/v1/tasks/${id}/review`,
      { decision: 'reject', comment: '佐证材料不全' },
      { token: town.users.leader.token },
    );
    expect(rejected.status).toBe(201);
    const [back] = await noticesOf(id, 'task.rejected', 1);
    expect(back).toMatchObject({ user_id: town.users.staff.id, data: { reason: '佐证材料不全' } });
    expect(back.body).toContain('退回理由：佐证材料不全');

    await app.post(
      `/api/v1/tasks/${id}/updates`,
      { status: 'pending_review', note: '补充材料', outcome: '已整改并补充佐证' },
      { token: town.users.staff.token },
    );
    await app.post(`/api/v1/tasks/${id}/review`, { decision: 'approve' }, { token: town.users.leader.token });
    const [done] = await noticesOf(id, 'task.completed', 1);
    expect(done).toMatchObject({ user_id: town.users.staff.id, title: '整改任务已销号' });
  });
});
