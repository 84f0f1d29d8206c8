import { DataSource } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../../src/common/domain-error';
import { RobotDispatcher, RobotOutcome } from '../../../src/robots/robot-dispatcher';
import { robotAudienceOf } from '../../../src/robots/robot-reminder';
import { RobotsService } from '../../../src/robots/robots.service';
import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { RobotReceiver } from '../../support/robot-receivers';
import { TestApp, testRuntime } from '../../support/test-app';
import { callerOf, reminderFor, robotEnv, robotMessages } from './robot-fixtures';

// Worker round trips, retries with backoff and a shared 2-core machine: wait on conditions, not on a 5 s default.
jest.setTimeout(180_000);

const DINGTALK_SECRET = 'SECconfig0123456789abcdef';

describe('group robot configuration and 发送测试消息', () => {
  let app: TestApp;
  let robots: RobotsService;
  let fixture: OrgWithUsers;
  let other: OrgWithUsers;
  const receivers: RobotReceiver[] = [];

  const receiver = async (...args: Parameters<typeof RobotReceiver.start>) => {
    const started = await RobotReceiver.start(...args);
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api', robotEnv({ ROBOT_RATE_LIMIT: '3' })));
    robots = app.app.get(RobotsService);
    fixture = await createOrgWithUsers(app);
    other = await createOrgWithUsers(app);
  });

  afterAll(async () => {
    for (const started of receivers) await started.close();
    await app.close();
  });

  const unitId = () => fixture.units['司法所'].id;

  it('stores URL and secret sealed, answers hasSecret and never the secret', async () => {
    const views = await robots.setRobots(callerOf(fixture), unitId(), [
      {
        vendor: 'dingtalk',
        url: 'http://127.0.0.1:1/robot/send?access_token=tok-abc',
        secret: DINGTALK_SECRET,
      },
      { vendor: 'wecom', url: 'http://127.0.0.1:1/cgi-bin/webhook/send?key=wecom-key-123' },
    ]);
    expect(views).toEqual([
      expect.objectContaining({ vendor: 'dingtalk', vendorLabel: '钉钉', hasSecret: true, position: 0 }),
      expect.objectContaining({ vendor: 'wecom', vendorLabel: '企业微信', hasSecret: false, position: 1 }),
    ]);
    expect(views[0].url).toBe('http://127.0.0.1:1/robot/send?access_token=tok-abc');
    expect(JSON.stringify(views)).not.toContain(DINGTALK_SECRET);
    expect(views[0]).not.toHaveProperty('secret');

    const stored = JSON.stringify(
      await app.app.get(DataSource).query(`SELECT * FROM unit_robots WHERE unit_id = $1`, [unitId()]),
    );
    expect(stored).not.toContain(DINGTALK_SECRET);
    expect(stored).not.toContain('tok-abc');
    expect(stored).not.toContain('wecom-key-123');
    expect(await robots.listRobots(callerOf(fixture), unitId())).toEqual(views);
  });

  it('keeps a robot, its id and its secret when saved again without the secret; null clears the secret', async () => {
    const [before] = await robots.listRobots(callerOf(fixture), unitId());
    const kept = await robots.setRobots(callerOf(fixture), unitId(), [
      { vendor: before.vendor, url: before.url! },
    ]);
    expect(kept).toEqual([expect.objectContaining({ id: before.id, hasSecret: true })]);
    const cleared = await robots.setRobots(callerOf(fixture), unitId(), [
      { vendor: before.vendor, url: before.url!, secret: null },
    ]);
    expect(cleared).toEqual([expect.objectContaining({ id: before.id, hasSecret: false })]);
  });

  it('fails the waiting messages of a robot taken out of the configuration', async () => {
    const unit = fixture.units['党政办'].id;
    const [robot] = await robots.setRobots(callerOf(fixture), unit, [
      { vendor: 'generic', url: 'http://127.0.0.1:1/removed' },
    ]);
    await app.app
      .get(RobotDispatcher)
      .enqueue([{ robotId: robot.id, deliveryKey: 'removed-1', reminder: reminderFor('撤下的机器人', []) }]);
    const outcomes: RobotOutcome[] = [];
    app.app.get(RobotDispatcher).onOutcome(async (_, settled) => void outcomes.push(...settled));
    await robots.setRobots(callerOf(fixture), unit, []);
    expect(outcomes).toEqual([expect.objectContaining({ deliveryKey: 'removed-1', status: 'failed' })]);
    expect(await robotMessages(app, robot.id)).toEqual([
      expect.objectContaining({ status: 'failed', last_error: '机器人已从配置中移除，消息未发送' }),
    ]);
  });

  it("keeps the leaders' robot apart from the units' robots", async () => {
    await robots.setRobots(callerOf(fixture), null, [
      { vendor: 'generic', url: 'http://127.0.0.1:1/leaders' },
    ]);
    expect(await robots.listRobots(callerOf(fixture), null)).toEqual([
      expect.objectContaining({ unitId: null, url: 'http://127.0.0.1:1/leaders' }),
    ]);
    expect((await robots.listRobots(callerOf(fixture), unitId())).map((r) => r.url)).not.toContain(
      'http://127.0.0.1:1/leaders',
    );
  });

  it("routes a notification to the unit's robots, the leaders' robots or both, as its kind says", async () => {
    const unit = fixture.units['综合行政执法队'].id;
    const [unitRobot] = await robots.setRobots(callerOf(fixture), unit, [
      { vendor: 'generic', url: 'http://127.0.0.1:1/enforcement' },
    ]);
    const [leaderRobot] = await robots.listRobots(callerOf(fixture), null);
    const route = (kind: string) => robots.robotIdsFor(fixture.org.id, unit, robotAudienceOf(kind)!);
    expect(await route('due_in_3')).toEqual([unitRobot.id]);
    expect(await route('escalate_leader')).toEqual([leaderRobot.id]);
    expect(await route('supervise')).toEqual([unitRobot.id, leaderRobot.id]);
    expect(await robots.robotIdsFor(other.org.id, unit, robotAudienceOf('supervise')!)).toEqual([]);
  });

  it.each([
    [
      { vendor: 'dingtalk', url: 'http://10.1.2.3/robot/send?access_token=x' },
      'INVALID_ROBOT_URL',
      /https:\/\//,
    ],
    [
      { vendor: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: 's' },
      'INVALID_ROBOT_SECRET',
      /没有签名密钥/,
    ],
    [
      { vendor: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=x&sign=y' },
      'INVALID_ROBOT_URL',
      /timestamp、sign/,
    ],
  ] as const)('rejects %j with %s and a Chinese message', async (input, code, message) => {
    const attempt = robots.setRobots(callerOf(fixture), unitId(), [input]);
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it("lets only admins configure robots, and only their own organization's units", async () => {
    await expect(robots.listRobots(callerOf(fixture, 'leader'), unitId())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      robots.setRobots(callerOf(other), unitId(), [{ vendor: 'generic', url: 'http://127.0.0.1:1/x' }]),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sends a signed test message and reports success in Chinese', async () => {
    const ding = await receiver('dingtalk', { secret: DINGTALK_SECRET });
    const [robot] = await robots.setRobots(callerOf(fixture), unitId(), [
      { vendor: 'dingtalk', url: ding.url, secret: DINGTALK_SECRET },
    ]);
    const response = await app.post(`/api/v1/robots/${robot.id}/test`, undefined, {
      token: fixture.users.admin.token,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ok: true,
      vendor: 'dingtalk',
      code: 0,
      message: '钉钉机器人已收到测试消息，请到群里查看',
      vendorMessage: null,
    });
    expect(ding.accepted).toHaveLength(1);
    expect(ding.accepted[0].body.markdown.text).toContain('司法所');
  });

  it("translates the vendor's refusal: wrong secret, unknown WeCom key", async () => {
    const ding = await receiver('dingtalk', { secret: 'SECthe-real-one' });
    const wecom = await receiver('wecom');
    const [wrongSecret, wrongKey] = await robots.setRobots(callerOf(fixture), unitId(), [
      { vendor: 'dingtalk', url: ding.url, secret: 'SECa-wrong-one' },
      { vendor: 'wecom', url: wecom.url.replace(wecom.token, 'not-the-key') },
    ]);
    const signed = await app.post(`/api/v1/robots/${wrongSecret.id}/test`, undefined, {
      token: fixture.users.admin.token,
    });
    expect(signed.body).toMatchObject({
      ok: false,
      code: 310000,
      message: expect.stringContaining('签名不匹配'),
    });
    const keyed = await app.post(`/api/v1/robots/${wrongKey.id}/test`, undefined, {
      token: fixture.users.admin.token,
    });
    expect(keyed.body).toMatchObject({
      ok: false,
      code: 93000,
      message: expect.stringContaining('地址无效'),
    });
  });

  it("refuses the test to non-admins and across organizations, and beyond the robot's rate limit", async () => {
    const generic = await receiver('generic');
    const [robot] = await robots.setRobots(callerOf(fixture), unitId(), [
      { vendor: 'generic', url: generic.url },
    ]);
    const url = `/api/v1/robots/${robot.id}/test`;
    expect((await app.post(url, undefined, { token: fixture.users.leader.token })).status).toBe(403);
    expect((await app.post(url, undefined, { token: other.users.admin.token })).body).toMatchObject({
      statusCode: 404,
      code: 'ROBOT_NOT_FOUND',
    });
    for (let i = 0; i < 3; i += 1)
      expect((await app.post(url, undefined, { token: fixture.users.admin.token })).body.ok).toBe(true);
    const limited = await app.post(url, undefined, { token: fixture.users.admin.token });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      code: 'ROBOT_RATE_LIMITED',
      message: expect.stringMatching(/秒后再试/),
    });
    expect(generic.accepted).toHaveLength(3);
  });
});
