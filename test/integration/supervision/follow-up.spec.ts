import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { addDays, todayIn } from '../../../src/common/calendar';
import { UserDirectoryRepository } from '../../../src/identity/user-directory.repository';
import type { Notification } from '../../../src/notifications/notification.entity';
import { JobProducer } from '../../../src/queue/job-producer';
import { QueueName } from '../../../src/queue/jobs';
import { Fixtures, FixtureUser, OrgWithUsers } from '../../support/fixtures';
import { startWorker, TestApp, testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

interface StoredNotice {
  user_id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown> | null;
}

/** A notice as GET /notifications lists it. */
type ListedNotice = Omit<Notification, 'dedupeKey' | 'readAt' | 'createdAt'>;

describe('supervision: inbox, 催办 / 县级督办 and the notices of the follow-up loop', () => {
  let app: TestApp;
  let worker: INestApplicationContext;
  let webhook: Server;
  const webhookBodies: string[] = [];
  let smtp: SMTPServer;
  const mailedTo: string[] = [];
  let county: OrgWithUsers;
  let town: OrgWithUsers;
  let today: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          mailedTo.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
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
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
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
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
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

  it('GET /me/inbox pressed: the presses waiting on the caller, never their own, until a 办理情况 answers them', async () => {
    const upper = await Fixtures.of(app).organization();
    const township = await Fixtures.of(app).organization({ parentId: upper.org.id });
    const { admin, leader, staff } = township.users;
    const seed = () =>
      Fixtures.of(app).task(township.org.id, {
        deadline: addDays(today, -2),
        leaderId: leader.id,
        unitId: staff.unitId,
        assigneeId: staff.id,
      });
    const press = async (taskId: string, presser: FixtureUser): Promise<string> => {
      const pressed = await app.post(`/api/v1/tasks/${taskId}/urge`, {}, { token: presser.token });
      expect(pressed.status).toBe(201);
      return pressed.body.history.at(-1).id;
    };
    const reply = async (taskId: string, urgeId: string) => {
      const answer = { text: '已按要求整改' };
      const replied = await app.post(`/api/v1/tasks/${taskId}/urge/${urgeId}/reply`, answer, {
        token: staff.token,
      });
      expect(replied.status).toBe(201);
    };
    const pressedFor = async (user: FixtureUser) => {
      const inbox = await app.get('/api/v1/me/inbox', { token: user.token });
      expect(inbox.status).toBe(200);
      const ids: string[] = inbox.body.pressed.items.map((item: { id: string }) => item.id);
      return { count: inbox.body.pressed.count, ids: ids.sort() };
    };
    const listed = (...ids: string[]) => ({ count: ids.length, ids: [...ids].sort() });

    const urgedByLeader = await seed();
    await press(urgedByLeader, leader);
    const urgedByAdmin = await seed();
    await press(urgedByAdmin, admin);
    const supervised = await seed();
    const supervision = await press(supervised, upper.users.leader);
    // The county's 督办 is still owed an answer after the leader's own 催办 on the same task.
    const supervisedThenUrged = await seed();
    await press(supervisedThenUrged, upper.users.leader);
    const latestUrge = await press(supervisedThenUrged, leader);

    expect(await pressedFor(leader)).toEqual(listed(urgedByAdmin, supervised, supervisedThenUrged));
    expect(await pressedFor(admin)).toEqual(listed(urgedByLeader, supervised, supervisedThenUrged));
    expect(await pressedFor(staff)).toEqual(
      listed(urgedByLeader, urgedByAdmin, supervised, supervisedThenUrged),
    );

    await reply(supervised, supervision);
    // One 办理情况 answers every press before it: the reply to the leader's 催办 answers the county's 督办 too.
    await reply(supervisedThenUrged, latestUrge);
    expect(await pressedFor(leader)).toEqual(listed(urgedByAdmin));
    expect(await pressedFor(admin)).toEqual(listed(urgedByLeader));
    expect(await pressedFor(staff)).toEqual(listed(urgedByLeader, urgedByAdmin));
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

  describe('the answer to a 催办 / 县级督办 notifies whoever pressed', () => {
    let otherTown: OrgWithUsers;
    beforeAll(async () => {
      otherTown = await Fixtures.of(app).organization({ parentId: county.org.id });
    });

    const REPLY = 'task.urge_replied';
    const lateTask = (title: string) => task(addDays(today, -3), { title });

    /** 催办 or 督办 (by who presses); returns the history line's id. */
    const press = async (taskId: string, presser: FixtureUser): Promise<string> => {
      const pressed = await app.post(`/api/v1/tasks/${taskId}/urge`, {}, { token: presser.token });
      expect(pressed.status).toBe(201);
      return pressed.body.history.at(-1).id;
    };

    const answer = async (taskId: string, urgeId: string, replier: FixtureUser, text: string) => {
      const replied = await app.post(
        `/api/v1/tasks/${taskId}/urge/${urgeId}/reply`,
        { text },
        { token: replier.token },
      );
      expect(replied.status).toBe(201);
    };

    /** The caller's answers-to-pressing about the task, as GET /notifications lists them. */
    const repliesSeenBy = async (user: FixtureUser, taskId: string): Promise<ListedNotice[]> => {
      const page = await app.get('/api/v1/notifications?pageSize=100', { token: user.token });
      expect(page.status).toBe(200);
      return (page.body.items as ListedNotice[]).filter(
        (notice) => notice.kind === REPLY && notice.taskId === taskId,
      );
    };

    const waitForReply = (user: FixtureUser, taskId: string) =>
      waitFor(async () => (await repliesSeenBy(user, taskId))[0], 30_000, '答复通知');

    /** Until the worker has handled the task's answer events: a notice it did not store will not come later. */
    const answerHandled = async (taskId: string) => {
      const announced = await Fixtures.of(app).query<{ id: string }>(
        `SELECT id::text FROM outbox_events WHERE aggregate_id = $1 AND type = $2`,
        [taskId, REPLY],
      );
      expect(announced.length).toBeGreaterThan(0);
      const events = worker.get(JobProducer).queue(QueueName.Events);
      const handled = async ({ id }: { id: string }) =>
        (await (await events.getJob(`event-${id}`))?.getState()) === 'completed';
      await waitFor(
        async () => (await Promise.all(announced.map(handled))).every(Boolean),
        30_000,
        '答复事件处理完成',
      );
    };

    const storedReplies = async (taskId: string) =>
      (
        await Fixtures.of(app).query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE task_id = $1 AND kind = $2`,
          [taskId, REPLY],
        )
      )[0].n;

    it('县级督办 answered by the township: the county leader lists a 督办答复 quoting it, opens the task, gets the mail; nobody else sees it', async () => {
      const id = await lateTask('行政执法案卷归档不规范');
      const urgeId = await press(id, county.users.leader);
      await answer(id, urgeId, town.users.staff, '已召开专题会，本周完成整改');

      const notice = await waitForReply(county.users.leader, id);
      expect(notice).toMatchObject({
        userId: county.users.leader.id,
        // The county leader's own notice, though the task is the township's.
        organizationId: county.org.id,
        title: '督办答复',
        data: { link: `#/tasks/${id}`, supervise: true, urgeId },
      });
      expect(notice.body).toContain('行政执法案卷归档不规范');
      expect(notice.body).toContain('已召开专题会，本周完成整改');

      // The link opens for them (read-only from above), with the answer at the end of the history.
      const opened = await app.get(`/api/v1/tasks/${String(notice.data!.link).replace('#/tasks/', '')}`, {
        token: county.users.leader.token,
      });
      expect(opened.status).toBe(200);
      expect(opened.body.history.at(-1)).toMatchObject({
        action: 'urge_replied',
        actorId: town.users.staff.id,
      });
      const read = await app.post(`/api/v1/notifications/${notice.id}/read`, undefined, {
        token: county.users.leader.token,
      });
      expect(read.status).toBe(200);

      // Mailed like every notice to someone with an address: its e-mail delivery is recorded, the mail received.
      await waitFor(
        async () =>
          (
            await Fixtures.of(app).query(
              `SELECT 1 FROM deliveries WHERE notification_id = $1 AND channel = 'email' AND status = 'delivered'`,
              [notice.id],
            )
          ).length > 0,
        30_000,
        '督办答复邮件',
      );
      const [{ email }] = await Fixtures.of(app).query<{ email: string }>(
        `SELECT email FROM users WHERE id = $1`,
        [county.users.leader.id],
      );
      expect(mailedTo).toContain(email);

      await answerHandled(id);
      expect(await storedReplies(id)).toBe(1);
      for (const other of [
        town.users.staff, // the replier
        town.users.leader,
        town.users.admin,
        county.users.admin,
        otherTown.users.leader,
      ])
        expect(await repliesSeenBy(other, id)).toEqual([]);
      for (const other of [town.users.staff, otherTown.users.admin])
        expect(
          (await app.post(`/api/v1/notifications/${notice.id}/read`, undefined, { token: other.token }))
            .status,
        ).toBe(404);
    });

    it('催办 within the township: the pressing leader gets a 催办答复 in the township', async () => {
      const id = await lateTask('重大行政决策目录未公开');
      await answer(id, await press(id, town.users.leader), town.users.staff, '目录已于今日在政府网站公开');

      const notice = await waitForReply(town.users.leader, id);
      expect(notice).toMatchObject({
        userId: town.users.leader.id,
        organizationId: town.org.id,
        title: '催办答复',
        data: { supervise: false },
      });
      expect(notice.body).toContain('重大行政决策目录未公开');
      expect(notice.body).toContain('目录已于今日在政府网站公开');
      await answerHandled(id);
      expect(await repliesSeenBy(town.users.staff, id)).toEqual([]);
      expect(await repliesSeenBy(county.users.leader, id)).toEqual([]);
    });

    it('an answer to the latest press tells every presser it answers: the county of its 督办, the leader of a later 催办', async () => {
      const id = await lateTask('行政规范性文件备案不及时');
      const supervised = await press(id, county.users.leader);
      const urged = await press(id, town.users.leader);
      await answer(id, urged, town.users.staff, '已全部报送备案');

      const toCounty = await waitForReply(county.users.leader, id);
      expect(toCounty).toMatchObject({
        organizationId: county.org.id,
        title: '督办答复',
        data: { supervise: true, urgeId: supervised, text: '已全部报送备案' },
      });
      const toLeader = await waitForReply(town.users.leader, id);
      expect(toLeader).toMatchObject({ title: '催办答复', data: { supervise: false, urgeId: urged } });
      await answerHandled(id);
      expect(await storedReplies(id)).toBe(2);

      // Answered already: a second answer to the 催办 tells its leader again, and no longer the county.
      await answer(id, urged, town.users.staff, '补充：备案回执已归档');
      await waitFor(
        async () => (await repliesSeenBy(town.users.leader, id)).length === 2,
        30_000,
        '第二次答复',
      );
      await answerHandled(id);
      expect(await repliesSeenBy(county.users.leader, id)).toHaveLength(1);
    });

    it('tells nobody when the presser answers their own 催办, or when the presser’s account is deactivated', async () => {
      const ownAnswer = await lateTask('执法证件管理不到位');
      await answer(ownAnswer, await press(ownAnswer, town.users.leader), town.users.leader, '已亲自督促整改');
      await answerHandled(ownAnswer);
      expect(await storedReplies(ownAnswer)).toBe(0);

      const presser = await Fixtures.of(app).user(county.org.id, 'leader', { email: 'left@example.test' });
      const gone = await lateTask('行政复议案件办理超期');
      const urgeId = await press(gone, presser);
      await Fixtures.of(app).query(`UPDATE users SET active = false WHERE id = $1`, [presser.id]);
      await answer(gone, urgeId, town.users.staff, '已办结');
      await answerHandled(gone);
      expect(await storedReplies(gone)).toBe(0);
    });

    it('a notice to one named person reaches only an active user of the task’s organization or one above it', async () => {
      const id = await lateTask('整改任务');
      const [task] = await Fixtures.of(app).query(
        `SELECT organization_id AS "organizationId", assignee_id AS "assigneeId", unit_id AS "unitId", leader_id AS "leaderId"
           FROM tasks WHERE id = $1`,
        [id],
      );
      const inactive = await Fixtures.of(app).user(county.org.id, 'leader', { active: false });
      const reached = await app.app.get(UserDirectoryRepository).resolveRecipients(
        [county.users.leader, town.users.admin, otherTown.users.leader, inactive].map((person) => ({
          ...task,
          audience: 'person' as const,
          personId: person.id,
        })),
      );
      expect(reached.map((recipient) => [recipient.query, recipient.userId])).toEqual([
        [0, county.users.leader.id],
        [1, town.users.admin.id],
      ]);
    });
  });
});
