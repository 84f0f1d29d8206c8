import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';

describe('organizations, units and users across tenants', () => {
  let app: TestApp;
  let own: OrgWithUsers;
  let foreign: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start();
    own = await createOrgWithUsers(app);
    foreign = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  const admin = () => ({ token: own.users.admin.token });

  it.each([
    ['GET', (f: OrgWithUsers) => `/api/v1/users/${f.users.staff.id}`, undefined],
    ['PATCH', (f: OrgWithUsers) => `/api/v1/users/${f.users.staff.id}`, { displayName: '越权' }],
    ['DELETE', (f: OrgWithUsers) => `/api/v1/users/${f.users.staff.id}`, undefined],
    ['PATCH', (f: OrgWithUsers) => `/api/v1/units/${f.units['司法所'].id}`, { keywords: ['越权'] }],
    ['DELETE', (f: OrgWithUsers) => `/api/v1/units/${f.units['司法所'].id}`, undefined],
  ] as const)(
    '%s on another organization’s id answers 404 and changes nothing',
    async (method, url, body) => {
      const response = await app.request(method, url(foreign), { ...admin(), body });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
      expect((await app.get('/api/v1/auth/me', { token: foreign.users.staff.token })).body).toMatchObject({
        active: true,
        displayName: foreign.users.staff.displayName,
      });
      const units = (await app.get('/api/v1/units', { token: foreign.users.admin.token })).body;
      expect(units.find((u: { name: string }) => u.name === '司法所')).toMatchObject({
        active: true,
        keywords: ['司法所'],
      });
    },
  );

  it('lists only the caller’s own units and users', async () => {
    const units = (await app.get('/api/v1/units', admin())).body as { id: string }[];
    expect(units.map((u) => u.id).sort()).toEqual(
      Object.values(own.units)
        .map((u) => u.id)
        .sort(),
    );
    const users = (await app.get('/api/v1/users', admin())).body as { id: string; organizationId: string }[];
    expect(users.map((u) => u.id).sort()).toEqual(
      Object.values(own.users)
        .map((u) => u.id)
        .sort(),
    );
  });

  it('answers 400 INVALID_ID for a malformed id', async () => {
    const response = await app.get('/api/v1/users/not-a-uuid', admin());
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ statusCode: 400, code: 'INVALID_ID', message: '编号格式不正确' });
  });

  it('creates a user in the caller’s organization, without ever returning a password or hash', async () => {
    const response = await app.post(
      '/api/v1/users',
      {
        username: `zhang-${Date.now()}`,
        password: 'secret-pass-1',
        displayName: '张三',
        role: 'staff',
        unitId: own.units['司法所'].id,
        phone: '13800000000',
      },
      admin(),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      organizationId: own.org.id,
      unitId: own.units['司法所'].id,
      role: 'staff',
      active: true,
    });
    expect(response.raw.toString()).not.toMatch(/password|argon2|secret-pass-1/i);
    const login = await app.post('/api/v1/auth/login', {
      username: response.body.username,
      password: 'secret-pass-1',
    });
    expect(login.status).toBe(200);
  });

  it('answers 409 USERNAME_TAKEN for a duplicate username, even one from another organization', async () => {
    const response = await app.post(
      '/api/v1/users',
      {
        username: foreign.users.viewer.username,
        password: 'password-123',
        displayName: '重名',
        role: 'viewer',
      },
      admin(),
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('USERNAME_TAKEN');
  });

  it('refuses a unit of another organization with 400 UNIT_NOT_FOUND', async () => {
    const create = await app.post(
      '/api/v1/users',
      {
        username: `li-${Date.now()}`,
        password: 'password-123',
        displayName: '李四',
        role: 'staff',
        unitId: foreign.units['司法所'].id,
      },
      admin(),
    );
    expect(create.status).toBe(400);
    expect(create.body.code).toBe('UNIT_NOT_FOUND');
    const patch = await app.patch(
      `/api/v1/users/${own.users.staff.id}`,
      { unitId: foreign.units['党政办'].id },
      admin(),
    );
    expect(patch.status).toBe(400);
    expect(patch.body.code).toBe('UNIT_NOT_FOUND');
  });

  it('rejects unknown fields and invalid roles with 400 VALIDATION_FAILED', async () => {
    const response = await app.post(
      '/api/v1/users',
      {
        username: 'x-user',
        password: 'password-123',
        displayName: 'X',
        role: 'root',
        organizationId: foreign.org.id,
      },
      admin(),
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.message).toContain('role');
    expect(response.body.message).toContain('organizationId');
  });

  it('lets an admin reset a password and edit a user', async () => {
    const fixture = await createOrgWithUsers(app);
    const patch = await app.patch(
      `/api/v1/users/${fixture.users.viewer.id}`,
      { password: 'brand-new-pass', role: 'leader', email: 'new@example.test' },
      { token: fixture.users.admin.token },
    );
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ role: 'leader', email: 'new@example.test' });
    expect(patch.raw.toString()).not.toMatch(/brand-new-pass|argon2/);
    expect(
      (
        await app.post('/api/v1/auth/login', {
          username: fixture.users.viewer.username,
          password: 'brand-new-pass',
        })
      ).status,
    ).toBe(200);
  });

  it('does not let an admin deactivate or demote themselves', async () => {
    const fixture = await createOrgWithUsers(app);
    const token = { token: fixture.users.admin.token };
    for (const response of [
      await app.request('DELETE', `/api/v1/users/${fixture.users.admin.id}`, token),
      await app.patch(`/api/v1/users/${fixture.users.admin.id}`, { role: 'viewer' }, token),
      await app.patch(`/api/v1/users/${fixture.users.admin.id}`, { active: false }, token),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('CANNOT_LOCK_OUT_SELF');
    }
    expect((await app.get('/api/v1/auth/me', token)).body).toMatchObject({ role: 'admin', active: true });
  });

  it('answers 409 UNIT_NAME_TAKEN for a duplicate unit name and deactivates units on DELETE', async () => {
    const duplicate = await app.post('/api/v1/units', { name: '司法所' }, admin());
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('UNIT_NAME_TAKEN');
    const created = await app.post('/api/v1/units', { name: '安监站', keywords: ['安全生产'] }, admin());
    expect(created.status).toBe(201);
    const removed = await app.request('DELETE', `/api/v1/units/${created.body.id}`, admin());
    expect(removed.body).toMatchObject({ id: created.body.id, active: false });
  });

  it('lets a county see its townships, while a township sees neither its county nor its siblings', async () => {
    const county = await createOrgWithUsers(app);
    const created = await app.post(
      '/api/v1/organizations',
      {
        name: '甲乡人民政府',
        admin: { username: `jia-${Date.now()}`, password: 'password-123', displayName: '甲乡管理员' },
      },
      { token: county.users.admin.token },
    );
    expect(created.status).toBe(201);
    expect(created.body.organization).toMatchObject({ name: '甲乡人民政府', parentId: county.org.id });
    expect(created.body.admin).toMatchObject({ role: 'admin', organizationId: created.body.organization.id });
    const sibling = await createOrgWithUsers(app, { parentId: county.org.id });

    const countyView = (await app.get('/api/v1/organizations', { token: county.users.viewer.token }))
      .body as { id: string }[];
    expect(countyView.map((o) => o.id).sort()).toEqual(
      [county.org.id, created.body.organization.id, sibling.org.id].sort(),
    );
    const townshipView = (await app.get('/api/v1/organizations', { token: sibling.users.viewer.token }))
      .body as { id: string }[];
    expect(townshipView.map((o) => o.id)).toEqual([sibling.org.id]);
  });
});
