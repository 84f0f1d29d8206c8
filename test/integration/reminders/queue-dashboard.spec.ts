import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import { AccessTokens } from '../../../src/identity/access-tokens';
import { QueueName } from '../../../src/queue/jobs';
import { createOrgWithUsers, FIXTURE_PASSWORD, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Over a real socket, with the path sent exactly as written: fastify.inject would parse and re-encode it. */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const QUEUE_NAMES = Object.values(QueueName);

/** Whether a response hands out the dashboard: its page, its script or its queue data. */
const servesDashboard = (response: RawResponse) =>
  response.status === 200 &&
  (response.body.includes('__UI_CONFIG__') ||
    response.body.includes('"queues"') ||
    /javascript/.test(String(response.headers['content-type'])));

describe('queue dashboard at /admin/queues', () => {
  let app: TestApp;
  let port: number;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    // The proxy in front (127.0.0.1 here) tells whether the browser came over HTTPS.
    app = await TestApp.start(testRuntime('api', { TRUST_PROXY: '127.0.0.1' }));
    await app.app.listen(0, '127.0.0.1');
    port = (app.app.getHttpServer().address() as AddressInfo).port;
    fixture = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  const cookieOf = (response: { headers: Record<string, unknown> }) =>
    String(response.headers['set-cookie']).split(';')[0];

  async function adminCookie(token = fixture.users.admin.token): Promise<string> {
    const session = await app.post('/api/v1/auth/dashboard-session', undefined, { token });
    expect(session.status).toBe(204);
    return cookieOf(session);
  }

  /** A dashboard cookie as the server would sign it, for a user the route itself would refuse one. */
  const mintedCookie = async (userId: string) =>
    `rectify_dashboard=${await app.app.get(AccessTokens).sign('dashboard', userId, { sid: randomUUID(), gen: 0 })}`;

  it.each([
    ['GET', '/admin/queues'],
    ['GET', '/admin/queues/api/queues'],
    ['GET', '/admin/%71ueues/api/queues'],
    ['GET', '/%61dmin/queues/api/queues'],
    ['GET', '/%61dmin/%71ueues'],
    ['GET', '/admin/queues%2Fapi%2Fqueues'],
    ['GET', '/admin//queues/api/queues'],
    ['GET', '//admin/queues/api/queues'],
    ['GET', '/admin/queues//api/queues'],
    ['GET', '/admin/queues/./api/queues'],
    ['GET', '/admin/queues/api/queues/.'],
    ['GET', '/admin/queues/api/../api/queues'],
    ['GET', '/admin/queues.'],
    ['GET', '/Admin/Queues/api/queues'],
    ['GET', '/ADMIN/QUEUES/api/queues'],
    ['GET', '/admin/queues/api/queues?token=x'],
    ['PUT', '/admin/queues/api/queues/system/pause'],
    ['PUT', '/admin/%71ueues/api/queues/system/pause'],
    ['PUT', '/%61dmin/queues/api/queues/system/resume'],
    ['PUT', '/admin/queues/api/queues/system/clean/completed'],
  ])('without a session, %s %s never hands out the dashboard', async (method, path) => {
    const response = await raw(port, method, path);
    expect(servesDashboard(response)).toBe(false);
    // Whatever spelling the router maps onto a dashboard route is refused as such; the rest is not its route.
    if (response.status !== 404 && !String(response.headers['content-type']).includes('text/html'))
      expect(response.status).toBe(401);
  });

  it('refuses every encoding of the path the router decodes to the dashboard with 401', async () => {
    for (const path of [
      '/admin/%71ueues/api/queues',
      '/%61dmin/queues/api/queues',
      '/%61dmin/%71ueues/api/queues',
    ])
      expect((await raw(port, 'GET', path)).status).toBe(401);
    expect((await raw(port, 'PUT', '/admin/%71ueues/api/queues/system/pause')).status).toBe(401);
    // The same paths do reach the dashboard with a session, so the 401s above come from the check, not a 404.
    const cookie = await adminCookie();
    expect((await raw(port, 'GET', '/admin/%71ueues/api/queues', { cookie })).status).toBe(200);
  });

  it('serves an admin with the session cookie: the page, its scripts and the queue API', async () => {
    const cookie = await adminCookie();
    const page = await raw(port, 'GET', '/admin/queues', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html');
    const scripts = [...page.body.matchAll(/<script defer src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const asset = await raw(port, 'GET', `/admin/queues/${script}`, { cookie });
      expect(asset.status).toBe(200);
      expect(String(asset.headers['content-type'])).toContain('javascript');
      expect((await raw(port, 'GET', `/admin/queues/${script}`)).status).toBe(401);
    }
    const queues = await raw(port, 'GET', '/admin/queues/api/queues', { cookie });
    expect(queues.status).toBe(200);
    expect(JSON.parse(queues.body).queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(QUEUE_NAMES),
    );
    const pause = await raw(port, 'PUT', '/admin/queues/api/queues/rollup/pause', { cookie });
    expect(pause.status).toBe(200);
    expect((await raw(port, 'PUT', '/admin/queues/api/queues/rollup/resume', { cookie })).status).toBe(200);
  });

  it('refuses non-admins (403), tokens of the wrong kind, forged and URL tokens (401)', async () => {
    for (const role of ['leader', 'staff', 'viewer'] as const) {
      const denied = await raw(port, 'GET', '/admin/queues/api/queues', {
        cookie: await mintedCookie(fixture.users[role].id),
      });
      expect(denied.status).toBe(403);
      expect(JSON.parse(denied.body)).toMatchObject({ code: 'FORBIDDEN' });
      expect(JSON.parse(denied.body).message).toMatch(/[\u4e00-\u9fff]/);
    }
    const { token } = fixture.users.admin;
    const wrongKinds: Record<string, string>[] = [
      { authorization: `Bearer ${token}` },
      { cookie: `rectify_dashboard=${token}` },
      { cookie: `rectify_token=${token}` },
    ];
    for (const headers of wrongKinds)
      expect((await raw(port, 'GET', '/admin/queues/api/queues', headers)).status).toBe(401);
    expect((await raw(port, 'GET', `/admin/queues/api/queues?token=${token}`)).status).toBe(401);
    const forged = await new JwtService({ secret: 'another-secret-that-is-long-enough-000' }).signAsync({
      sub: fixture.users.admin.id,
      typ: 'dashboard',
    });
    expect(
      (await raw(port, 'GET', '/admin/queues/api/queues', { cookie: `rectify_dashboard=${forged}` })).status,
    ).toBe(401);
    // And the dashboard cookie is no API token.
    const cookie = await adminCookie();
    expect((await app.get('/api/v1/auth/me', { token: cookie.split('=')[1] })).status).toBe(401);
  });

  it('sets the session cookie only for admins: HttpOnly, SameSite=Strict, Path=/admin/queues, short-lived, Secure over HTTPS', async () => {
    const session = await app.post('/api/v1/auth/dashboard-session', undefined, {
      token: fixture.users.admin.token,
    });
    expect(session.status).toBe(204);
    const attributes = String(session.headers['set-cookie']).split(/;\s*/);
    expect(attributes[0]).toMatch(/^rectify_dashboard=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/admin/queues', 'Max-Age=900']),
    );
    expect(attributes).not.toContain('Secure');
    const overTls = await app.post('/api/v1/auth/dashboard-session', undefined, {
      token: fixture.users.admin.token,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(String(overTls.headers['set-cookie'])).toMatch(/; Secure$/);
    for (const role of ['leader', 'staff', 'viewer'] as const) {
      const refused = await app.post('/api/v1/auth/dashboard-session', undefined, {
        token: fixture.users[role].token,
      });
      expect(refused.status).toBe(403);
      expect(refused.headers['set-cookie']).toBeUndefined();
    }
  });

  it('ends the cookie with the session: on logout, and when the admin is demoted', async () => {
    const own = await createOrgWithUsers(app);
    const login = async (username: string, password = FIXTURE_PASSWORD) =>
      (await app.post('/api/v1/auth/login', { username, password })).body.accessToken as string;
    const token = await login(own.users.admin.username);
    const cookie = await adminCookie(token);
    expect((await raw(port, 'GET', '/admin/queues/api/queues', { cookie })).status).toBe(200);
    expect((await app.post('/api/v1/auth/logout', undefined, { token })).status).toBe(204);
    expect((await raw(port, 'GET', '/admin/queues/api/queues', { cookie })).status).toBe(401);

    const deputy = await app.post(
      '/api/v1/users',
      {
        username: `deputy-${randomUUID().slice(0, 8)}`,
        password: 'deputy-password-7',
        displayName: '副管理员',
        role: 'admin',
      },
      { token: own.users.admin.token },
    );
    const deputyCookie = await adminCookie(await login(deputy.body.username, 'deputy-password-7'));
    expect((await raw(port, 'GET', '/admin/queues/api/queues', { cookie: deputyCookie })).status).toBe(200);
    await app.patch(`/api/v1/users/${deputy.body.id}`, { role: 'leader' }, { token: own.users.admin.token });
    expect((await raw(port, 'GET', '/admin/queues/api/queues', { cookie: deputyCookie })).status).toBe(401);
  });
});
