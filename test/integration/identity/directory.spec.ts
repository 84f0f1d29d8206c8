import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';

describe('GET /directory', () => {
  let app: TestApp;
  let own: OrgWithUsers;
  let foreign: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start();
    own = await createOrgWithUsers(app);
    foreign = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  it('gives every role the names, roles and units of its own organization and nothing secret', async () => {
    await app.request('DELETE', `/api/v1/users/${own.users.viewer.id}`, { token: own.users.admin.token });
    await app.request('DELETE', `/api/v1/units/${own.units['党政办'].id}`, { token: own.users.admin.token });
    for (const role of ['admin', 'leader', 'staff'] as const) {
      const response = await app.get('/api/v1/directory', { token: own.users[role].token });
      expect(response.status).toBe(200);
      const { users, units } = response.body as { users: any[]; units: any[] };
      expect(users).toHaveLength(4);
      for (const user of users)
        expect(Object.keys(user).sort()).toEqual(['active', 'displayName', 'id', 'role', 'unitId']);
      expect(users).toContainEqual({
        id: own.users.staff.id,
        displayName: own.users.staff.displayName,
        role: 'staff',
        unitId: own.users.staff.unitId,
        active: true,
      });
      expect(users.find((user) => user.id === own.users.viewer.id)).toMatchObject({ active: false });
      expect(units).toHaveLength(3);
      for (const unit of units) expect(Object.keys(unit).sort()).toEqual(['active', 'id', 'name']);
      expect(units).toContainEqual({ id: own.units['党政办'].id, name: '党政办', active: false });
      const text = response.raw.toString();
      for (const secret of [own.users.staff.username, 'example.test', 'argon2', foreign.users.staff.id])
        expect(text).not.toContain(secret);
    }
  });

  it('asks for a login', async () => {
    expect((await app.get('/api/v1/directory')).status).toBe(401);
  });
});
