import { JwtService } from '@nestjs/jwt';
import { FIXTURE_PASSWORD, createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TEST_JWT_SECRET, TestApp, testRuntime } from '../../support/test-app';

describe('authentication', () => {
  let app: TestApp;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    // These clients come through a reverse proxy at 127.0.0.1, so X-Forwarded-For names them.
    app = await TestApp.start(testRuntime('api', { TRUST_PROXY: '127.0.0.1' }));
    fixture = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  const login = (username: string, password = FIXTURE_PASSWORD, ip = '127.0.0.1') =>
    app.request('POST', '/api/v1/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': ip },
    });

  it('logs in with username and password and returns tokens and the user without any password hash', async () => {
    const response = await login(fixture.users.leader.username);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatchObject({
      expiresIn: 900,
      user: { id: fixture.users.leader.id, role: 'leader', organizationId: fixture.org.id },
    });
    expect(typeof response.body.accessToken).toBe('string');
    expect(typeof response.body.refreshToken).toBe('string');
    expect(response.raw.toString()).not.toMatch(/argon2|password/i);
    const me = await app.get('/api/v1/auth/me', { token: response.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(fixture.users.leader.username);
    expect(me.raw.toString()).not.toMatch(/argon2|password/i);
  });

  it('rejects a wrong password and an unknown user alike with 401 INVALID_CREDENTIALS', async () => {
    for (const response of [
      await login(fixture.users.viewer.username, 'wrong-password', '10.0.0.9'),
      await login('nobody-here', 'whatever1', '10.0.0.9'),
    ]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: '用户名或密码错误',
      });
    }
  });

  it('answers 401 UNAUTHENTICATED without a token and with a forged one', async () => {
    const missing = await app.get('/api/v1/auth/me');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
    const forged = await new JwtService({ secret: 'another-secret-that-is-long-enough-000000' }).signAsync({
      sub: fixture.users.admin.id,
      typ: 'access',
    });
    const response = await app.get('/api/v1/auth/me', { token: forged });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 TOKEN_EXPIRED for an expired access token', async () => {
    const expired = await new JwtService({ secret: TEST_JWT_SECRET }).signAsync({
      sub: fixture.users.admin.id,
      typ: 'access',
      exp: Math.floor(Date.now() / 1000) - 5,
    });
    const response = await app.get('/api/v1/auth/me', { token: expired });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      statusCode: 401,
      code: 'TOKEN_EXPIRED',
      message: '登录已过期，请重新登录',
    });
  });

  it('rotates refresh tokens, and replaying a used one revokes the whole session', async () => {
    const first = (await login(fixture.users.staff.username)).body;
    const second = await app.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.headers['cache-control']).toBe('no-store');
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await app.get('/api/v1/auth/me', { token: second.body.accessToken })).status).toBe(200);

    const replay = await app.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await app.post('/api/v1/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(
      401,
    );
  });

  it('logout ends the session: its refresh token and the access token in hand, but not the user’s other sessions', async () => {
    const session = (await login(fixture.users.leader.username)).body;
    const other = (await login(fixture.users.leader.username)).body;
    const logout = await app.post('/api/v1/auth/logout', undefined, { token: session.accessToken });
    expect(logout.status).toBe(204);
    expect((await app.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    const replay = await app.get('/api/v1/auth/me', { token: session.accessToken });
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({
      statusCode: 401,
      code: 'SESSION_REVOKED',
      message: '登录状态已失效，请重新登录',
    });
    expect((await app.get('/api/v1/auth/me', { token: other.accessToken })).status).toBe(200);
    expect((await app.post('/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200);
  });

  it('gives every access token its own id and the session it belongs to', async () => {
    const first = (await login(fixture.users.staff.username)).body;
    const refreshed = (await app.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken })).body;
    const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims(first.accessToken)).toMatchObject({ typ: 'access', gen: 0 });
    expect(claims(first.accessToken).jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims(refreshed.accessToken).jti).not.toBe(claims(first.accessToken).jti);
    expect(claims(refreshed.accessToken).sid).toBe(claims(first.accessToken).sid);
  });

  it('stops accepting the tokens of a deactivated user and refuses their login', async () => {
    const own = await createOrgWithUsers(app);
    expect((await app.get('/api/v1/auth/me', { token: own.users.viewer.token })).status).toBe(200);
    const deactivate = await app.request('DELETE', `/api/v1/users/${own.users.viewer.id}`, {
      token: own.users.admin.token,
    });
    expect(deactivate.status).toBe(200);
    expect(deactivate.body.active).toBe(false);
    expect((await app.get('/api/v1/auth/me', { token: own.users.viewer.token })).status).toBe(401);
    expect((await login(own.users.viewer.username, FIXTURE_PASSWORD, '10.4.4.4')).status).toBe(401);
  });

  it('rejects unknown fields in the login body with 400 VALIDATION_FAILED', async () => {
    const response = await app.post('/api/v1/auth/login', { username: 'a', password: 'b', admin: true });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});
