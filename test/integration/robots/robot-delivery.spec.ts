import { DataSource, EntityManager } from 'typeorm';
import { RobotDispatcher, RobotOutcome } from '../../../src/robots/robot-dispatcher';
import { RobotsService } from '../../../src/robots/robots.service';
import { RobotInputDto } from '../../../src/robots/dto/robot.dto';
import { createOrgWithUsers } from '../../support/fixtures';
import { RobotReceiver } from '../../support/robot-receivers';
import { TestApp, testRuntime } from '../../support/test-app';
import { callerOf, reminderFor, robotEnv, robotMessages, waitFor } from './robot-fixtures';

// Worker round trips, retries with backoff and a shared 2-core machine: wait on conditions, not on a 5 s default.
jest.setTimeout(180_000);

const SECRET = 'SECdelivery0123456789abcdef';
const ZHANG = { name: '张三', mobile: '13800001111' };
const LI = { name: '李四', mobile: null };

describe('robot deliveries through the worker', () => {
  let app: TestApp;
  let dispatcher: RobotDispatcher;
  const outcomes: RobotOutcome[] = [];
  const seenInTransaction = new Map<string, string>();
  const receivers: RobotReceiver[] = [];

  beforeAll(async () => {
    app = await TestApp.start(
      testRuntime(
        'all',
        robotEnv({ ROBOT_BATCH_WINDOW_MS: '300', DELIVERY_ATTEMPTS: '4', DELIVERY_BACKOFF_MS: '50' }),
      ),
    );
    dispatcher = app.app.get(RobotDispatcher);
    dispatcher.onOutcome(async (manager: EntityManager, settled) => {
      outcomes.push(...settled);
      // The handler runs in the transaction that records the outcome, so it already reads the settled rows.
      const rows: { delivery_key: string; status: string }[] = await manager.query(
        `SELECT delivery_key, status FROM robot_messages WHERE delivery_key = ANY($1)`,
        [settled.map((outcome) => outcome.deliveryKey)],
      );
      for (const row of rows) seenInTransaction.set(row.delivery_key, row.status);
    });
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

  /** A unit of its own per test, with `robot` as its only robot. */
  const robotFor = async (input: RobotInputDto) => {
    const unitName = `单位${receivers.length}-${Date.now()}`;
    const other = await createOrgWithUsers(app, { units: [unitName] });
    const [robot] = await app.app
      .get(RobotsService)
      .setRobots(callerOf(other), other.units[unitName].id, [input]);
    return robot.id;
  };

  const settledMessages = (robotId: string, count: number) =>
    waitFor(async () => {
      const rows = await robotMessages(app, robotId);
      return (
        rows.length === count && rows.every((row) => ['delivered', 'failed'].includes(row.status)) && rows
      );
    }, 120_000);

  it.each([
    ['dingtalk', SECRET],
    ['feishu', 'feishu-delivery-secret'],
    ['wecom', null],
    ['generic', 'generic-delivery-secret'],
  ] as const)(
    '%s: a correctly configured robot receives the reminder, signed, naming or mentioning the assignee',
    async (vendor, secret) => {
      const robot = await receiver(vendor, { secret });
      const robotId = await robotFor({ vendor, url: robot.url, ...(secret ? { secret } : {}) });
      await dispatcher.enqueue([
        {
          robotId,
          deliveryKey: `${vendor}-1`,
          reminder: reminderFor('规范执法文书', [ZHANG, LI], { kind: 'overdue' }),
        },
      ]);
      expect(await settledMessages(robotId, 1)).toEqual([
        expect.objectContaining({ status: 'delivered', attempts: 1, last_error: null }),
      ]);
      expect(robot.requests).toHaveLength(1);
      expect(robot.accepted).toHaveLength(1);
      expect(robot.violations).toEqual([]);
      const text = RobotReceiver.textOf(robot.accepted[0]);
      expect(text).toContain('【逾期】规范执法文书');
      expect(text).toContain('2026年6月30日');
      expect(text).toContain('https://zfjs.example.gov.cn/#/tasks/');
      expect(text).toContain('李四');
      const body = robot.accepted[0].body;
      if (vendor === 'dingtalk') {
        expect(body.at.atMobiles).toEqual(['13800001111']);
        expect(text).toContain('@13800001111');
      }
      if (vendor === 'wecom') expect(body.text.mentioned_mobile_list).toEqual(['13800001111']);
      if (vendor === 'feishu') expect(text).toContain('张三');
      expect(outcomes).toContainEqual({
        robotId,
        deliveryKey: `${vendor}-1`,
        status: 'delivered',
        error: null,
      });
    },
  );

  it.each([
    ['dingtalk', 310000, /签名不匹配/],
    ['feishu', 19021, /签名校验未通过/],
    ['generic', 401, /HTTP 401/],
  ] as const)(
    '%s: a wrong secret is retried a few times, then recorded failed, never delivered',
    async (vendor, code, error) => {
      const robot = await receiver(vendor, { secret: 'the-secret-the-group-has' });
      const robotId = await robotFor({ vendor, url: robot.url, secret: 'a-secret-mistyped' });
      await dispatcher.enqueue([
        { robotId, deliveryKey: `${vendor}-wrong`, reminder: reminderFor('签名错误', [ZHANG]) },
      ]);
      const [row] = await settledMessages(robotId, 1);
      expect(row).toMatchObject({ status: 'failed', attempts: 3 });
      expect(row.last_error).toMatch(error);
      expect(row.last_error).toContain(`错误码 ${code}`);
      expect(robot.requests).toHaveLength(3);
      expect(robot.accepted).toHaveLength(0);
      expect(outcomes.filter((o) => o.robotId === robotId)).toEqual([
        expect.objectContaining({ status: 'failed', error: row.last_error }),
      ]);
    },
  );

  it('wecom: an unknown key (errcode 93000 on HTTP 200) is recorded failed, never delivered', async () => {
    const robot = await receiver('wecom');
    const robotId = await robotFor({
      vendor: 'wecom',
      url: robot.url.replace(robot.token, 'deleted-robot-key'),
    });
    await dispatcher.enqueue([
      { robotId, deliveryKey: 'wecom-93000', reminder: reminderFor('地址失效', [ZHANG]) },
    ]);
    const [row] = await settledMessages(robotId, 1);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.last_error).toMatch(/地址无效.*错误码 93000/);
    expect(robot.requests.every((request) => request.answer.errcode === 93000)).toBe(true);
  });

  it('retries an unreachable robot with backoff up to DELIVERY_ATTEMPTS, then records it failed', async () => {
    const gone = await RobotReceiver.start('generic');
    const url = gone.url;
    await gone.close();
    const robotId = await robotFor({ vendor: 'generic', url });
    await dispatcher.enqueue([
      { robotId, deliveryKey: 'unreachable', reminder: reminderFor('网络不通', [ZHANG]) },
    ]);
    const [row] = await settledMessages(robotId, 1);
    expect(row).toMatchObject({ status: 'failed', attempts: 4 });
    expect(row.last_error).toMatch(/无法连接机器人接口/);
  });

  it('sends reminders enqueued together as one message mentioning everyone, and a repeated enqueue once', async () => {
    const robot = await receiver('dingtalk', { secret: SECRET });
    const robotId = await robotFor({ vendor: 'dingtalk', url: robot.url, secret: SECRET });
    const wang = { name: '王五', mobile: '13900002222' };
    const requests = [
      { robotId, deliveryKey: 'batch-1', reminder: reminderFor('第一项', [ZHANG]) },
      {
        robotId,
        deliveryKey: 'batch-2',
        reminder: reminderFor('第二项', [wang], { kind: 'overdue', deadline: '2026-06-20' }),
      },
      { robotId, deliveryKey: 'batch-3', reminder: reminderFor('第三项', [LI]) },
    ];
    expect(await dispatcher.enqueue(requests)).toBe(3);
    expect(await dispatcher.enqueue(requests.slice(0, 1))).toBe(0);
    const rows = await settledMessages(robotId, 3);
    expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(new Set(rows.map((row) => row.batch_id)).size).toBe(1);
    expect(robot.accepted).toHaveLength(1);
    const { markdown, at } = robot.accepted[0].body;
    expect(markdown.title).toBe('【整改提醒】3 项：逾期 1 项、到期提醒 2 项');
    expect(markdown.text).toMatch(/1\. 【逾期】第二项[\s\S]*已逾期 7 天/);
    expect(markdown.text).toMatch(/3\. 【到期提醒】第[一三]项/);
    expect(at.atMobiles.sort()).toEqual(['13800001111', '13900002222']);
    expect(robot.violations).toEqual([]);
  });

  it('sends messages whose flush job was lost with Redis once a worker resumes', async () => {
    const robot = await receiver('generic');
    const robotId = await robotFor({ vendor: 'generic', url: robot.url });
    const [{ organization_id: organizationId }] = await app.app
      .get(DataSource)
      .query(`SELECT organization_id FROM unit_robots WHERE id = $1`, [robotId]);
    // Queued in PostgreSQL, but no job in Redis for it: what a flushed Redis leaves behind.
    await app.app
      .get(DataSource)
      .query(
        `INSERT INTO robot_messages (robot_id, organization_id, delivery_key, reminder) VALUES ($1, $2, 'orphan', $3)`,
        [robotId, organizationId, JSON.stringify(reminderFor('无人调度的提醒', [ZHANG]))],
      );
    expect(await dispatcher.resume()).toBeGreaterThanOrEqual(1);
    expect(await settledMessages(robotId, 1)).toEqual([expect.objectContaining({ status: 'delivered' })]);
    expect(RobotReceiver.textOf(robot.accepted[0])).toContain('无人调度的提醒');
  });
});
