import { randomUUID } from 'node:crypto';
import { AccessTokens } from '../../../src/identity/access-tokens';
import { freePort } from '../../../src/runtime/free-port';
import { createOrgWithUsers, FIXTURE_PASSWORD, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';

/** The API started against a Redis address nothing listens on (the database is up). */
describe('with Redis unreachable', () => {
  let app: TestApp;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    const runtime = testRuntime('api', { REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    app = await TestApp.start(runtime);
    fixture = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  it('answers a login promptly with 503 QUEUE_UNAVAILABLE rather than 500', async () => {
    const started = Date.now();
    const login = await app.post('/api/v1/auth/login', {
      username: fixture.users.staff.username,
      password: FIXTURE_PASSWORD,
    });
    expect(login.status).toBe(503);
    expect(login.body).toEqual({
      statusCode: 503,
      code: 'QUEUE_UNAVAILABLE',
      message: '队列与缓存服务（Redis）暂时无法连接，请稍后再试',
    });
    // Prompt: no waiting for a reconnect (a generous bound for a loaded machine; a hang would hit the test timeout).
    expect(Date.now() - started).toBeLessThan(10_000);
    const again = await app.post('/api/v1/auth/login', {
      username: fixture.users.staff.username,
      password: FIXTURE_PASSWORD,
    });
    expect(again.status).toBe(503);
  });

  it('still serves signed-in users, whose accounts come from the database', async () => {
    const me = await app.get('/api/v1/auth/me', { token: fixture.users.leader.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(fixture.users.leader.id);
  });

  it('refuses a logout it could not record with 503, so the client knows to retry', async () => {
    // A token as login issues it, with its own id and session, which the deny-list in Redis would have to hold.
    const token = await app.app
      .get(AccessTokens)
      .sign('access', fixture.users.viewer.id, { sid: randomUUID(), gen: 0 });
    const logout = await app.post('/api/v1/auth/logout', undefined, { token });
    expect(logout.status).toBe(503);
    expect(logout.body.code).toBe('QUEUE_UNAVAILABLE');
    expect((await app.get('/api/v1/auth/me', { token })).status).toBe(200);
  });
});
