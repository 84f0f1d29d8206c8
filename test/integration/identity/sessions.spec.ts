import IORedis from 'ioredis';
import { AccountChanges } from '../../../src/identity/account-changes';
import { UserRepository } from '../../../src/identity/user.repository';
import { createOrgWithUsers, FIXTURE_PASSWORD, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { TEST_REDIS_URL, testQueuePrefix, uniqueSuffix } from '../../support/test-env';

/**
 * Two API processes on one database and Redis (as behind a load balancer): each keeps accounts cached for half a
 * minute, so a change made through one must reach the other through Redis, or it would keep serving the old state.
 */
describe('sessions across two API processes', () => {
  let first: TestApp;
  let second: TestApp;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    first = await TestApp.start(testRuntime('api'));
    second = await TestApp.start(testRuntime('api'));
    fixture = await createOrgWithUsers(first);
    // Both processes listen for account changes before anything happens.
    const redis = new IORedis(TEST_REDIS_URL);
    const channel = first.app.get(AccountChanges).channel;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const [, listeners] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (listeners >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await redis.quit();
  });

  afterAll(async () => {
    await first.close();
    await second.close();
  });

  const login = async (app: TestApp, username: string, password = FIXTURE_PASSWORD) => {
    const response = await app.post('/api/v1/auth/login', { username, password });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string };
  };
  const me = (app: TestApp, token: string) => app.get('/api/v1/auth/me', { token });

  /**
   * The status `request` gets once the other process has had the announcement (pub/sub delivers it in well under a
   * millisecond, but an in-process request can run before the socket is read). The deadline stays far below the
   * 30 s a cached account lives, so only the announcement can make the change show in time.
   */
  async function settled(request: () => Promise<{ status: number }>, expected: number): Promise<number> {
    const deadline = Date.now() + 10_000;
    let status = (await request()).status;
    while (status !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await request()).status;
    }
    return status;
  }

  it('refuses a deactivated user on the next request in both processes', async () => {
    const own = await createOrgWithUsers(first);
    const { token } = own.users.viewer;
    // Both processes have the account cached now.
    expect((await me(first, token)).status).toBe(200);
    expect((await me(second, token)).status).toBe(200);
    const deactivated = await first.request('DELETE', `/api/v1/users/${own.users.viewer.id}`, {
      token: own.users.admin.token,
    });
    expect(deactivated.status).toBe(200);
    expect(await settled(() => me(second, token), 401)).toBe(401);
    expect((await me(first, token)).status).toBe(401);
  });

  it('authenticates repeated requests without a database read in either process until the account changes', async () => {
    const own = await createOrgWithUsers(first);
    const { token } = own.users.viewer;
    const reads = [first, second].map((app) => jest.spyOn(app.app.get(UserRepository), 'findActiveAccount'));
    try {
      for (let i = 0; i < 5; i++) {
        expect((await me(first, token)).status).toBe(200);
        expect((await me(second, token)).status).toBe(200);
      }
      const readsOf = (spy: jest.SpyInstance) =>
        spy.mock.calls.filter(([id]) => id === own.users.viewer.id).length;
      expect(reads.map(readsOf)).toEqual([1, 1]);
      const deactivated = await first.request('DELETE', `/api/v1/users/${own.users.viewer.id}`, {
        token: own.users.admin.token,
      });
      expect(deactivated.status).toBe(200);
      expect(await settled(() => me(second, token), 401)).toBe(401);
      expect((await me(first, token)).status).toBe(401);
      // Each process read the account again once, found it inactive, and refuses from then on without reading.
      expect((await me(second, token)).status).toBe(401);
      expect(reads.map(readsOf)).toEqual([2, 2]);
    } finally {
      for (const spy of reads) spy.mockRestore();
    }
  });

  it('refuses a demoted admin’s token at once in both processes, and their new login gets a leader’s rights', async () => {
    const own = await createOrgWithUsers(first);
    const deputy = await first.post(
      '/api/v1/users',
      {
        username: `deputy-${Date.now()}`,
        password: 'deputy-password-7',
        displayName: '副管理员',
        role: 'admin',
      },
      { token: own.users.admin.token },
    );
    const { accessToken } = await login(first, deputy.body.username, 'deputy-password-7');
    expect((await second.get('/api/v1/users', { token: accessToken })).status).toBe(200);
    expect((await first.get('/api/v1/users', { token: accessToken })).status).toBe(200);
    await first.patch(
      `/api/v1/users/${deputy.body.id}`,
      { role: 'leader' },
      { token: own.users.admin.token },
    );
    expect(await settled(() => second.get('/api/v1/users', { token: accessToken }), 401)).toBe(401);
    expect((await second.get('/api/v1/users', { token: accessToken })).body.code).toBe('SESSION_REVOKED');
    expect((await first.get('/api/v1/users', { token: accessToken })).status).toBe(401);
    const again = await login(second, deputy.body.username, 'deputy-password-7');
    expect(
      (await second.post('/api/v1/units', { name: '新单位' }, { token: again.accessToken })).status,
    ).toBe(403);
  });

  it('a password reset by an admin ends the user’s sessions: access tokens everywhere and refresh tokens', async () => {
    const own = await createOrgWithUsers(first);
    const session = await login(first, own.users.staff.username);
    expect((await me(second, session.accessToken)).status).toBe(200);
    const reset = await first.patch(
      `/api/v1/users/${own.users.staff.id}`,
      { password: 'reset-by-admin-42' },
      { token: own.users.admin.token },
    );
    expect(reset.status).toBe(200);
    expect(await settled(() => me(second, session.accessToken), 401)).toBe(401);
    expect((await me(second, own.users.staff.token)).status).toBe(401);
    expect((await second.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(
      401,
    );
    await login(second, own.users.staff.username, 'reset-by-admin-42');
  });

  it('keeps the sessions when an admin changes only what a user is called', async () => {
    const own = await createOrgWithUsers(first);
    const session = await login(first, own.users.viewer.username);
    expect((await me(second, session.accessToken)).status).toBe(200);
    const renamed = await first.patch(
      `/api/v1/users/${own.users.viewer.id}`,
      { displayName: '改名后' },
      { token: own.users.admin.token },
    );
    expect(renamed.status).toBe(200);
    expect((await me(second, session.accessToken)).body.displayName).toBe('改名后');
    expect((await second.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(
      200,
    );
  });

  it('logout ends the access token in hand in the other process too', async () => {
    const { accessToken } = await login(first, fixture.users.leader.username);
    expect((await me(second, accessToken)).status).toBe(200);
    expect((await first.post('/api/v1/auth/logout', undefined, { token: accessToken })).status).toBe(204);
    expect(await settled(() => me(second, accessToken), 401)).toBe(401);
    expect((await me(second, fixture.users.leader.token)).status).toBe(200);
  });

  describe('POST /auth/password', () => {
    it('changes the caller’s own password, ends their other sessions and hands back a new token pair', async () => {
      const own = await createOrgWithUsers(first);
      const { username } = own.users.staff;
      const here = await login(first, username);
      const elsewhere = await login(second, username);
      expect((await me(second, elsewhere.accessToken)).status).toBe(200);
      const changed = await first.post(
        '/api/v1/auth/password',
        { currentPassword: FIXTURE_PASSWORD, newPassword: 'my-own-new-pass-9' },
        { token: here.accessToken },
      );
      expect(changed.status).toBe(200);
      expect(changed.headers['cache-control']).toBe('no-store');
      expect(changed.body).toMatchObject({ expiresIn: 900, user: { username } });
      expect((await me(second, changed.body.accessToken)).status).toBe(200);
      expect(
        (await second.post('/api/v1/auth/refresh', { refreshToken: changed.body.refreshToken })).status,
      ).toBe(200);
      for (const token of [here.accessToken, elsewhere.accessToken])
        expect(await settled(() => me(second, token), 401)).toBe(401);
      for (const refreshToken of [here.refreshToken, elsewhere.refreshToken])
        expect((await first.post('/api/v1/auth/refresh', { refreshToken })).status).toBe(401);
      expect((await first.post('/api/v1/auth/login', { username, password: FIXTURE_PASSWORD })).status).toBe(
        401,
      );
      await login(second, username, 'my-own-new-pass-9');
    });

    it('the new token works at once even in a process the announcement has not reached', async () => {
      // A third process on another Redis prefix never hears the others' announcements.
      const deaf = await TestApp.start(
        testRuntime('api', { QUEUE_PREFIX: `${testQueuePrefix()}-${uniqueSuffix()}` }),
      );
      try {
        const own = await createOrgWithUsers(first);
        const session = await login(first, own.users.leader.username);
        expect((await me(deaf, session.accessToken)).status).toBe(200);
        const changed = await first.post(
          '/api/v1/auth/password',
          { currentPassword: FIXTURE_PASSWORD, newPassword: 'my-own-new-pass-9' },
          { token: session.accessToken },
        );
        expect(changed.status).toBe(200);
        expect((await me(deaf, changed.body.accessToken)).status).toBe(200);
        // Having read the account again, it refuses the old token too.
        expect((await me(deaf, session.accessToken)).status).toBe(401);
      } finally {
        await deaf.close();
      }
    });

    it('refuses a wrong current password with 400 WRONG_CURRENT_PASSWORD and changes nothing', async () => {
      const own = await createOrgWithUsers(first);
      const session = await login(first, own.users.viewer.username);
      const wrong = await first.post(
        '/api/v1/auth/password',
        { currentPassword: 'not-my-password', newPassword: 'my-own-new-pass-9' },
        { token: session.accessToken },
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body).toEqual({
        statusCode: 400,
        code: 'WRONG_CURRENT_PASSWORD',
        message: '当前密码不正确',
      });
      expect((await me(second, session.accessToken)).status).toBe(200);
      await login(first, own.users.viewer.username);
    });

    it('applies the password policy and refuses the same password again', async () => {
      const own = await createOrgWithUsers(first);
      const { token } = own.users.leader;
      const weak = await first.post(
        '/api/v1/auth/password',
        { currentPassword: FIXTURE_PASSWORD, newPassword: '12345678' },
        { token },
      );
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');
      expect(weak.body.message).toMatch(/^密码过于简单/);
      const same = await first.post(
        '/api/v1/auth/password',
        { currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD },
        { token },
      );
      expect(same.status).toBe(400);
      expect(same.body.code).toBe('PASSWORD_UNCHANGED');
      expect((await me(first, token)).status).toBe(200);
    });

    it('counts wrong current passwords like failed logins', async () => {
      const own = await createOrgWithUsers(first);
      const session = await login(first, own.users.staff.username);
      const attempt = () =>
        first.post(
          '/api/v1/auth/password',
          { currentPassword: 'a-wrong-guess', newPassword: 'my-own-new-pass-9' },
          { token: session.accessToken },
        );
      for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(400);
      expect((await attempt()).status).toBe(429);
    });
  });
});
