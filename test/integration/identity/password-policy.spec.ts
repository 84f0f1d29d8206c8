import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';

describe('password policy wherever a password is set', () => {
  let app: TestApp;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start();
    fixture = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  const admin = () => ({ token: fixture.users.admin.token });
  const unique = () => `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  const expectWeak = (response: { status: number; body: any }, reason: RegExp) => {
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('WEAK_PASSWORD');
    expect(response.body.message).toMatch(reason);
  };

  it.each([
    ['12345678', /常见|连续/],
    ['password', /常见/],
    ['        ', /空格/],
    ['P@ssw0rd', /变形/],
    ['abc12', /至少需要 8 个字符/],
  ])('refuses %j when creating a user, saying why', async (password, reason) => {
    const username = unique();
    expectWeak(
      await app.post('/api/v1/users', { username, password, displayName: '新人', role: 'viewer' }, admin()),
      reason,
    );
    expect(
      (await app.get('/api/v1/users', admin())).body.map((u: { username: string }) => u.username),
    ).not.toContain(username);
  });

  it('refuses a password that is just the username', async () => {
    const username = `zhangxiaoming${Date.now() % 1000}`;
    expectWeak(
      await app.post(
        '/api/v1/users',
        { username, password: username, displayName: '张小明', role: 'viewer' },
        admin(),
      ),
      /用户名或姓名/,
    );
  });

  it('refuses a weak password on an admin’s reset and keeps the old one', async () => {
    const reset = await app.patch(
      `/api/v1/users/${fixture.users.staff.id}`,
      { password: '11111111' },
      admin(),
    );
    expectWeak(reset, /常见|重复/);
    expect((await app.get('/api/v1/auth/me', { token: fixture.users.staff.token })).status).toBe(200);
  });

  it('refuses a weak first admin of a child organization and creates neither', async () => {
    const name = `弱密码乡-${unique()}`;
    const created = await app.post(
      '/api/v1/organizations',
      { name, admin: { username: unique(), password: 'qwertyui', displayName: '乡管理员' } },
      admin(),
    );
    expectWeak(created, /键盘|常见/);
    const visible = (await app.get('/api/v1/organizations', admin())).body as { name: string }[];
    expect(visible.map((o) => o.name)).not.toContain(name);
  });

  it('accepts ordinary strong-enough passwords like the demo’s', async () => {
    const created = await app.post(
      '/api/v1/users',
      { username: unique(), password: 'Demo@2026', displayName: '演示', role: 'viewer' },
      admin(),
    );
    expect(created.status).toBe(201);
  });
});
