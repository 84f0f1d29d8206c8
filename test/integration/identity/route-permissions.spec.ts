import { randomUUID } from 'node:crypto';
import type { Role } from '../../../src/identity/auth-user';
import { createOrgWithUsers, FIXTURE_PASSWORD, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RouteCase {
  name: string;
  method: Method;
  /** Built per call, so writes never collide. */
  url: (f: OrgWithUsers) => string;
  body?: () => unknown;
  allowed: Role[];
}

const unique = () => randomUUID().slice(0, 8);

/** Route × role: every identity route, one case per role. */
const ROUTES: RouteCase[] = [
  {
    name: 'GET /auth/me',
    method: 'GET',
    url: () => '/api/v1/auth/me',
    allowed: ['admin', 'leader', 'staff', 'viewer'],
  },
  {
    name: 'POST /units',
    method: 'POST',
    url: () => '/api/v1/units',
    body: () => ({ name: `单位${unique()}`, keywords: ['执法'] }),
    allowed: ['admin'],
  },
  {
    name: 'GET /units',
    method: 'GET',
    url: () => '/api/v1/units',
    allowed: ['admin', 'leader', 'staff', 'viewer'],
  },
  {
    name: 'PATCH /units/:id',
    method: 'PATCH',
    url: (f) => `/api/v1/units/${f.units['党政办'].id}`,
    body: () => ({ keywords: ['办公室'] }),
    allowed: ['admin'],
  },
  {
    name: 'DELETE /units/:id',
    method: 'DELETE',
    url: (f) => `/api/v1/units/${f.units['党政办'].id}`,
    allowed: ['admin'],
  },
  {
    name: 'POST /users',
    method: 'POST',
    url: () => '/api/v1/users',
    body: () => ({
      username: `new-${unique()}`,
      password: 'password-123',
      displayName: '新用户',
      role: 'viewer',
    }),
    allowed: ['admin'],
  },
  { name: 'GET /users', method: 'GET', url: () => '/api/v1/users', allowed: ['admin', 'leader'] },
  {
    name: 'GET /users/:id',
    method: 'GET',
    url: (f) => `/api/v1/users/${f.users.viewer.id}`,
    allowed: ['admin', 'leader'],
  },
  {
    name: 'PATCH /users/:id',
    method: 'PATCH',
    url: (f) => `/api/v1/users/${f.users.viewer.id}`,
    body: () => ({ displayName: '改名' }),
    allowed: ['admin'],
  },
  {
    name: 'POST /organizations',
    method: 'POST',
    url: () => '/api/v1/organizations',
    body: () => ({
      name: `下级${unique()}`,
      admin: { username: `sub-${unique()}`, password: 'password-123', displayName: '下级管理员' },
    }),
    allowed: ['admin'],
  },
  {
    name: 'GET /organizations',
    method: 'GET',
    url: () => '/api/v1/organizations',
    allowed: ['admin', 'leader', 'staff', 'viewer'],
  },
  {
    name: 'GET /directory',
    method: 'GET',
    url: () => '/api/v1/directory',
    allowed: ['admin', 'leader', 'staff', 'viewer'],
  },
  {
    name: 'POST /auth/dashboard-session',
    method: 'POST',
    url: () => '/api/v1/auth/dashboard-session',
    allowed: ['admin'],
  },
  {
    name: 'POST /auth/password',
    method: 'POST',
    url: () => '/api/v1/auth/password',
    body: () => ({ currentPassword: FIXTURE_PASSWORD, newPassword: `changed-${unique()}-pass` }),
    allowed: ['admin', 'leader', 'staff', 'viewer'],
  },
];

const ROLES: Role[] = ['admin', 'leader', 'staff', 'viewer'];
const cells = ROUTES.flatMap((route) =>
  ROLES.map((role) => [route.name, role, route.allowed.includes(role), route] as const),
);

describe('identity routes × roles', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(() => app.close());

  it.each(cells)('%s as %s → allowed: %s', async (_name, role, allowed, route) => {
    // A fresh organization per cell: deactivations and renames of one cell never leak into another.
    const fixture = await createOrgWithUsers(app);
    const response = await app.request(route.method, route.url(fixture), {
      token: fixture.users[role].token,
      body: route.body?.(),
    });
    if (allowed) {
      expect(response.status).toBeLessThan(300);
    } else {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(ROUTES.filter((route) => route.name !== 'GET /auth/me'))(
    '%s without a token → 401',
    async (route) => {
      const fixture = await createOrgWithUsers(app);
      const response = await app.request(route.method, route.url(fixture), { body: route.body?.() });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    },
  );
});
