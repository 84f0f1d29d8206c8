import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { robotEnv } from './robot-fixtures';

jest.setTimeout(120_000);

const SECRET = 'SECroute0123456789abcdefroute';

describe('PATCH /units/:id {robots} and the robots in GET /units', () => {
  let app: TestApp;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    // Vendor hosts enforced as in a real deployment: only loopback receivers pass, as outside production.
    app = await TestApp.start(testRuntime('api', robotEnv({ ROBOT_ALLOW_ANY_HOST: 'false' })));
    fixture = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  const unitId = () => fixture.units['司法所'].id;
  const patch = (body: unknown, token = fixture.users.admin.token, id = unitId()) =>
    app.patch(`/api/v1/units/${id}`, body, { token });
  const ding = 'http://127.0.0.1:4567/robot/send?access_token=route-token';

  it('replaces the robots, answers hasSecret and never the secret, in PATCH and GET alike', async () => {
    const saved = await patch({
      robots: [
        { vendor: 'dingtalk', url: ding, secret: SECRET },
        { vendor: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=route-key' },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: unitId(), name: '司法所' });
    expect(saved.body.robots).toEqual([
      expect.objectContaining({ vendor: 'dingtalk', url: ding, hasSecret: true, position: 0 }),
      expect.objectContaining({ vendor: 'wecom', hasSecret: false, position: 1 }),
    ]);
    expect(JSON.stringify(saved.body)).not.toContain(SECRET);

    const listed = await app.get('/api/v1/units', { token: fixture.users.admin.token });
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    const unit = listed.body.find((u: { id: string }) => u.id === unitId());
    expect(unit.robots).toEqual(saved.body.robots);
    expect(listed.body.find((u: { id: string }) => u.id !== unitId()).robots).toEqual([]);
  });

  it('keeps the secret of a robot saved again without one, and leaves robots alone when only the name changes', async () => {
    const before = (await patch({ robots: [{ vendor: 'dingtalk', url: ding, secret: SECRET }] })).body.robots;
    const again = await patch({ robots: [{ vendor: 'dingtalk', url: ding }] });
    expect(again.body.robots).toEqual([expect.objectContaining({ id: before[0].id, hasSecret: true })]);
    const renamed = await patch({ keywords: ['司法'] });
    expect(renamed.status).toBe(200);
    expect(renamed.body.robots).toEqual(again.body.robots);
    expect((await patch({ robots: [] })).body.robots).toEqual([]);
  });

  it('shows robots to administrators only: leaders and staff read units without them', async () => {
    await patch({ robots: [{ vendor: 'generic', url: 'http://localhost:4568/hook' }] });
    for (const role of ['leader', 'staff', 'viewer'] as const) {
      const listed = await app.get('/api/v1/units', { token: fixture.users[role].token });
      expect(listed.status).toBe(200);
      expect(listed.body.every((unit: object) => !('robots' in unit))).toBe(true);
    }
    expect((await patch({ robots: [] }, fixture.users.leader.token)).status).toBe(403);
  });

  it.each([
    [{ vendor: 'qq', url: ding }, 'VALIDATION_FAILED', /机器人类型应为/],
    [{ vendor: 'dingtalk', url: 'not a url' }, 'INVALID_ROBOT_URL', /不是有效的网址/],
    [
      { vendor: 'dingtalk', url: 'https://robot.example.com/send?access_token=x' },
      'INVALID_ROBOT_URL',
      /钉钉/,
    ],
    [{ vendor: 'feishu', url: 'http://10.0.0.9/open-apis/bot/v2/hook/x' }, 'INVALID_ROBOT_URL', /https/],
    [{ vendor: 'dingtalk', url: 42 }, 'VALIDATION_FAILED', /机器人地址应为文本/],
    [
      { vendor: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: 'x' },
      'INVALID_ROBOT_SECRET',
      /没有签名密钥/,
    ],
  ])('refuses %j with 400 %s and a Chinese message', async (robot, code, message) => {
    const response = await patch({ robots: [robot] });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('refuses a list that is not a list, the same robot twice, and another organization’s unit', async () => {
    expect((await patch({ robots: 'dingtalk' })).body).toMatchObject({ statusCode: 400 });
    const twice = await patch({
      robots: [
        { vendor: 'dingtalk', url: ding },
        { vendor: 'dingtalk', url: ding },
      ],
    });
    expect(twice.body).toMatchObject({ statusCode: 400, code: 'DUPLICATE_ROBOT' });
    const other = await createOrgWithUsers(app);
    const foreign = await patch({ robots: [] }, other.users.admin.token);
    expect(foreign.status).toBe(404);
  });

  it("configures the leaders' group robot apart from every unit", async () => {
    const url = 'http://127.0.0.1:4569/robot/send?access_token=leaders';
    const saved = await app.patch(
      '/api/v1/robots/leaders',
      { robots: [{ vendor: 'dingtalk', url, secret: SECRET }] },
      { token: fixture.users.admin.token },
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual([expect.objectContaining({ unitId: null, url, hasSecret: true })]);
    const read = await app.get('/api/v1/robots/leaders', { token: fixture.users.admin.token });
    expect(read.body).toEqual(saved.body);
    expect(JSON.stringify(read.body)).not.toContain(SECRET);
    const units = await app.get('/api/v1/units', { token: fixture.users.admin.token });
    expect(JSON.stringify(units.body)).not.toContain('access_token=leaders');
  });
});
