import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeliveryService } from '../../../src/notifications/delivery.service';
import { NotificationsService } from '../../../src/notifications/notifications.service';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { RobotReceiver } from '../../support/robot-receivers';
import { TestApp, testRuntime } from '../../support/test-app';
import { robotEnv, waitFor } from './robot-fixtures';

// Sweeps, worker round trips and retries on a shared 2-core machine: wait on conditions, not on a 5 s default.
jest.setTimeout(240_000);

const AS_OF = '2026-06-27';
const SECRET = 'SECreminders0123456789abcdef';
const WEBHOOK_SECRET = 'org-wide-webhook-secret';
/** A minute shortened to 3 seconds: robots allow 20 messages in it, as DingTalk and WeCom do in a minute. */
const WINDOW_MS = 3000;
const MOBILE = '13812345678';

interface DeliveryRow {
  notification_id: string;
  task_id: string;
  kind: string;
  channel: string;
  status: string;
  last_error: string | null;
}

describe('reminders reach the group robots of their task’s unit (PATCH /units/:id {robots}, PATCH /users/:id {phone})', () => {
  let app: TestApp;
  let fixtures: Fixtures;
  let webhook: RobotReceiver;
  const receivers: RobotReceiver[] = [];

  beforeAll(async () => {
    // The org-wide webhook is not what this file limits: in a full run this app's workers also relay other spec
    // files' outbox events (one database per run), whose notices reach WEBHOOK_URL too.
    webhook = await RobotReceiver.start('generic', { secret: WEBHOOK_SECRET, limit: 100_000 });
    receivers.push(webhook);
    app = await TestApp.start(
      testRuntime(
        'all',
        robotEnv({
          // As deployed: vendor hosts enforced, local receivers accepted because they are on loopback.
          ROBOT_ALLOW_ANY_HOST: 'false',
          ROBOT_BATCH_WINDOW_MS: '300',
          ROBOT_RATE_WINDOW_MS: String(WINDOW_MS),
          DELIVERY_ATTEMPTS: '4',
          DELIVERY_BACKOFF_MS: '50',
          WEBHOOK_URL: webhook.url,
          WEBHOOK_SECRET,
        }),
      ),
    );
    fixtures = Fixtures.of(app);
  });

  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await app.close();
  });

  const receiver = async (...args: Parameters<typeof RobotReceiver.start>) => {
    const started = await RobotReceiver.start(...args);
    receivers.push(started);
    return started;
  };

  const admin = (org: OrgWithUsers) => ({ token: org.users.admin.token });

  const configure = async (org: OrgWithUsers, unit: string, robots: object[]) => {
    const response = await app.patch(`/api/v1/units/${org.units[unit].id}`, { robots }, admin(org));
    expect(response.status).toBe(200);
  };

  const sweep = async (org: OrgWithUsers) => {
    const response = await app.post(`/api/v1/admin/reminders/sweep?asOf=${AS_OF}`, undefined, admin(org));
    expect(response.status).toBeLessThan(300);
  };

  const deliveriesOf = (taskIds: string[]): Promise<DeliveryRow[]> =>
    app.app.get(DataSource).query(
      `SELECT n.id AS notification_id, n.task_id, n.kind, d.channel, d.status, d.last_error
         FROM notifications n JOIN deliveries d ON d.notification_id = n.id
        WHERE n.task_id = ANY($1::uuid[]) ORDER BY n.created_at, d.channel`,
      [taskIds],
    );

  /** Waits until every listed task's notices have a settled delivery on `channel`. */
  const settled = (taskIds: string[], channel: string, count = taskIds.length) =>
    waitFor(
      async () => {
        const rows = (await deliveriesOf(taskIds)).filter((row) => row.channel === channel);
        return rows.length === count && rows.every((row) => row.status !== 'sending') && rows;
      },
      180_000,
      `${channel} 投递完成`,
    );

  it('sends a unit’s due and overdue reminders to its DingTalk robot, signed, @mentioning by phone; other units fall back to WEBHOOK_URL', async () => {
    const org = await fixtures.organization();
    const ding = await receiver('dingtalk', { secret: SECRET });
    await configure(org, '司法所', [{ vendor: 'dingtalk', url: ding.url, secret: SECRET }]);
    const phoned = await app.patch(
      `/api/v1/users/${org.users.staff.id}`,
      { phone: `+86 ${MOBILE}` },
      admin(org),
    );
    expect(phoned.body.phone).toBe(MOBILE);
    const unphoned = await fixtures.user(org.org.id, 'staff', {
      unitId: org.units['司法所'].id,
      displayName: '王五',
    });
    const other = await fixtures.user(org.org.id, 'staff', { unitId: org.units['党政办'].id });
    const task = (title: string, deadline: string, assigneeId: string, unit: string) =>
      fixtures.task(org.org.id, {
        title,
        deadline,
        assigneeId,
        unitId: org.units[unit].id,
        leaderId: org.users.leader.id,
      });
    const due = await task('规范行政执法文书', '2026-06-30', org.users.staff.id, '司法所');
    const late = await task('清理积案', '2026-06-25', unphoned.id, '司法所');
    const elsewhere = await task('公文格式整改', '2026-06-30', other.id, '党政办');

    await sweep(org);
    const robotRows = await settled([due, late], 'robot');
    expect(robotRows.map((row) => row.status)).toEqual(['delivered', 'delivered']);
    const webhookRows = await settled([elsewhere], 'webhook');
    expect(webhookRows).toEqual([expect.objectContaining({ status: 'delivered' })]);
    // The unit's robots carry its notices: the org-wide webhook stands down for them.
    expect((await deliveriesOf([due, late])).filter((row) => row.channel === 'webhook')).toEqual([]);

    expect(ding.requests.filter((request) => !request.accepted)).toEqual([]);
    expect(ding.violations).toEqual([]);
    const text = ding.accepted.map(RobotReceiver.textOf).join('\n');
    expect(text).toContain('【到期提醒】');
    expect(text).toContain('【逾期】');
    expect(text).toContain('规范行政执法文书');
    expect(text).toContain('责任单位：司法所');
    expect(text).toContain('2026年6月30日（还剩 3 天）');
    expect(text).toContain('2026年6月25日（已逾期 2 天）');
    expect(text).toContain(`@${MOBILE}`);
    expect(text).toContain('王五');
    expect(text).toContain(`https://zfjs.example.gov.cn/#/tasks/${due}`);
    expect(text).not.toContain('公文格式整改');
    expect(ding.accepted.flatMap((request) => request.body.at.atMobiles)).toEqual([MOBILE]);

    const fallback = webhook.accepted.map((request) => request.raw).join('\n');
    expect(fallback).toContain('公文格式整改');
    expect(fallback).not.toContain('规范行政执法文书');
  });

  it('records a reminder failed, never delivered, when the robot’s secret is wrong (DingTalk 310000), after retrying it', async () => {
    const org = await fixtures.organization();
    const ding = await receiver('dingtalk', { secret: SECRET });
    await configure(org, '司法所', [
      { vendor: 'dingtalk', url: ding.url, secret: 'SECnot-the-groups-secret' },
    ]);
    const id = await fixtures.task(org.org.id, {
      title: '密钥填错的提醒',
      deadline: '2026-06-28',
      assigneeId: org.users.staff.id,
      unitId: org.units['司法所'].id,
    });
    await sweep(org);
    const [row] = await settled([id], 'robot');
    expect(row).toMatchObject({ status: 'failed', last_error: expect.stringContaining('签名不匹配') });
    expect(row.last_error).toContain('310000');
    expect(ding.requests.length).toBeGreaterThanOrEqual(2);
    expect(ding.accepted).toEqual([]);
    expect((await deliveriesOf([id])).filter((d) => d.channel === 'webhook')).toEqual([]);
  });

  it('batches 50 reminders of one unit within the robot’s 20 messages a minute, none lost', async () => {
    const org = await fixtures.organization();
    const ding = await receiver('dingtalk', { secret: SECRET, limit: 20, windowMs: WINDOW_MS });
    await configure(org, '司法所', [{ vendor: 'dingtalk', url: ding.url, secret: SECRET }]);
    await app.patch(`/api/v1/users/${org.users.staff.id}`, { phone: MOBILE }, admin(org));
    const tasks = await fixtures.tasks(org.org.id, 50, {
      status: 'in_progress',
      deadline: '2026-06-28',
      leaderId: org.users.leader.id,
      unitId: org.units['司法所'].id,
      assigneeId: org.users.staff.id,
    });
    await sweep(org);
    const rows = await settled(
      tasks.map((task) => task.id),
      'robot',
    );
    expect(rows.filter((row) => row.status !== 'delivered')).toEqual([]);
    const texts = ding.accepted.map(RobotReceiver.textOf).join('\n');
    const seen = [...texts.matchAll(/整改任务(\d+)(?!\d)/g)].map((match) => Number(match[1]));
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(ding.accepted.length).toBeLessThan(50);
    expect(ding.busiestWindow()).toBeLessThanOrEqual(20);
    expect(ding.requests.filter((request) => !request.accepted)).toEqual([]);
    expect(ding.violations).toEqual([]);
  });

  it('maps 催办 notices by kind: task.urged is 【催办】 for the unit, and 【县级督办】 (titled 督办) also reaches the leaders’ group', async () => {
    const org = await fixtures.organization();
    const unitRobot = await receiver('dingtalk', { secret: SECRET });
    const leadersRobot = await receiver('feishu', { secret: 'feishu-leaders-secret' });
    await configure(org, '司法所', [{ vendor: 'dingtalk', url: unitRobot.url, secret: SECRET }]);
    const leaders = await app.patch(
      '/api/v1/robots/leaders',
      { robots: [{ vendor: 'feishu', url: leadersRobot.url, secret: 'feishu-leaders-secret' }] },
      admin(org),
    );
    expect(leaders.status).toBe(200);
    await app.patch(`/api/v1/users/${org.users.staff.id}`, { phone: MOBILE }, admin(org));
    const task = (title: string) =>
      fixtures.task(org.org.id, {
        title,
        deadline: '2026-07-10',
        assigneeId: org.users.staff.id,
        unitId: org.units['司法所'].id,
      });
    const urged = await task('镇里催办的任务');
    const supervised = await task('县里督办的任务');
    // What the 催办 route (POST /tasks/:id/urge) stores: one notice per person, kind task.urged.
    const notice = (taskId: string, title: string, body: string) => ({
      organizationId: org.org.id,
      userId: org.users.staff.id,
      taskId,
      kind: 'task.urged',
      title,
      body,
      dedupeKey: `urge-test:${randomUUID()}`,
      hasEmail: false,
    });
    await app.app
      .get(NotificationsService)
      .store([
        notice(urged, '整改任务催办', '党政办 王主任：请本周内报送进展'),
        notice(supervised, '县级督办', '某县人民政府 李副县长：请于月底前完成整改'),
      ]);
    const rows = await settled([urged, supervised], 'robot');
    expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered']);

    const unitText = unitRobot.accepted.map(RobotReceiver.textOf).join('\n');
    expect(unitText).toContain('【催办】');
    expect(unitText).toContain('【县级督办】');
    expect(unitText).toContain('催办意见：党政办 王主任：请本周内报送进展');
    expect(unitText).toContain('督办意见：某县人民政府 李副县长：请于月底前完成整改');
    expect(unitText).toContain(`@${MOBILE}`);
    expect(unitRobot.violations).toEqual([]);
    const leadersText = leadersRobot.accepted.map(RobotReceiver.textOf).join('\n');
    expect(leadersText).toContain('县里督办的任务');
    expect(leadersText).not.toContain('镇里催办的任务');
  });

  it('posts to WEBHOOK_URL a notice queued before its unit had a robot (no robot job beside it); stands down when one was', async () => {
    const org = await fixtures.organization();
    const taskId = await fixtures.task(org.org.id, {
      title: '机器人配置前排队的提醒',
      deadline: '2026-06-28',
      assigneeId: org.users.staff.id,
      unitId: org.units['司法所'].id,
    });
    // Stored without jobs: this test runs the webhook job's work itself, after the robot is configured.
    const stored: Array<{ id: string }> = await app.app.get(DataSource).query(
      `INSERT INTO notifications (organization_id, user_id, task_id, kind, title, body, dedupe_key)
       SELECT $1, $2, $3, 'due_today', title, '今天到期', 'queued-before-robot:' || gen_random_uuid()
         FROM unnest(ARRAY['配置前排队的提醒', '与机器人任务同排的提醒']) WITH ORDINALITY AS t(title, n)
        ORDER BY n RETURNING id`,
      [org.org.id, org.users.staff.id, taskId],
    );
    const ding = await receiver('dingtalk', { secret: SECRET });
    await configure(org, '司法所', [{ vendor: 'dingtalk', url: ding.url, secret: SECRET }]);
    const deliveries = app.app.get(DeliveryService);

    expect(await deliveries.deliver(stored[0].id, 'webhook', false)).toBe('delivered');
    expect(await deliveries.deliver(stored[1].id, 'webhook', true)).toBe('with_robots');
    const posted = webhook.accepted.map((request) => request.raw).join('\n');
    expect(posted).toContain('配置前排队的提醒');
    expect(posted).not.toContain('与机器人任务同排的提醒');
    expect((await deliveriesOf([taskId])).map((row) => [row.notification_id, row.status])).toEqual([
      [stored[0].id, 'delivered'],
    ]);
  });
});
