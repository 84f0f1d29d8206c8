import { createOrgWithUsers, FIXTURE_PASSWORD } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { captureOutput } from '../../support/capture-output';

describe('secrets never reach responses or logs', () => {
  it('logs requests at trace level without any password, hash, token or dashboard cookie, even one sent in the URL', async () => {
    const app = await TestApp.start(testRuntime('api', { LOG_LEVEL: 'trace' }));
    const output = captureOutput();
    const seen: string[] = [];
    let dashboardCookie: string | undefined;
    try {
      const fixture = await createOrgWithUsers(app);
      const login = await app.post('/api/v1/auth/login', {
        username: fixture.users.admin.username,
        password: FIXTURE_PASSWORD,
      });
      seen.push(login.raw.toString());
      await app.post('/api/v1/auth/login', {
        username: fixture.users.admin.username,
        password: 'wrong-secret-zz',
      });
      const created = await app.post(
        '/api/v1/users',
        { username: `log-${Date.now()}`, password: 'created-secret-yy', displayName: '日志', role: 'viewer' },
        { token: login.body.accessToken },
      );
      seen.push(created.raw.toString());
      const reset = await app.patch(
        `/api/v1/users/${created.body.id}`,
        { password: 'reset-secret-xx' },
        { token: login.body.accessToken },
      );
      seen.push(
        reset.raw.toString(),
        (await app.get('/api/v1/users', { token: login.body.accessToken })).raw.toString(),
      );
      await app.post('/api/v1/auth/refresh', { refreshToken: login.body.refreshToken });
      const session = await app.post('/api/v1/auth/dashboard-session', undefined, {
        token: login.body.accessToken,
      });
      dashboardCookie = String(session.headers['set-cookie']).split(';')[0];
      await app.get('/admin/queues/api/queues', { headers: { cookie: dashboardCookie } });
      await app.get('/admin/%71ueues/api/queues', { token: login.body.accessToken });
      // An old bookmark with the token in the query string.
      await app.get(`/api/v1/auth/me?token=${login.body.accessToken}`);
    } finally {
      output.restore();
      await app.close();
    }
    const logs = output.text();
    expect(logs).toContain('/api/v1/auth/login');
    for (const text of [logs, ...seen]) {
      expect(text).not.toMatch(/\$argon2|passwordHash|password_hash/);
      for (const secret of [FIXTURE_PASSWORD, 'wrong-secret-zz', 'created-secret-yy', 'reset-secret-xx'])
        expect(text).not.toContain(secret);
    }
    expect(logs).not.toMatch(/Bearer ey/);
    expect(logs).toContain('/api/v1/auth/me?token=[已隐藏]');
    expect(dashboardCookie).toMatch(/^rectify_dashboard=ey/);
    expect(logs).not.toContain(dashboardCookie!.split('=')[1]);
    expect(logs).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
