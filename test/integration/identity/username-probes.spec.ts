import { createOrgWithUsers, FIXTURE_PASSWORD, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';
import { USERNAME_CONFLICTS_PER_HOUR } from '../../../src/identity/username-probe-limiter';

describe('usernames of other organizations cannot be probed', () => {
  let app: TestApp;
  let prober: OrgWithUsers;
  let target: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start();
    prober = await createOrgWithUsers(app);
    target = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  const createUser = (token: string, username: string) =>
    app.post(
      '/api/v1/users',
      { username, password: 'probe-password-77', displayName: '试探', role: 'viewer' },
      { token },
    );

  it(`answers 409 USERNAME_TAKEN for ${USERNAME_CONFLICTS_PER_HOUR} conflicts an hour, then refuses every new user of the organization with 429`, async () => {
    const { token } = prober.users.admin;
    // Conflicts with the organization's own users reveal nothing and are not counted.
    for (let i = 0; i < USERNAME_CONFLICTS_PER_HOUR + 2; i++)
      expect((await createUser(token, prober.users.staff.username)).status).toBe(409);
    const foreign = Object.values(target.users).map((user) => user.username);
    for (let i = 0; i < USERNAME_CONFLICTS_PER_HOUR; i++) {
      const conflict = await createUser(token, foreign[i % foreign.length]);
      expect(conflict.status).toBe(409);
      expect(conflict.body.code).toBe('USERNAME_TAKEN');
    }
    const limited = await createUser(token, foreign[0]);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_USERNAME_CONFLICTS');
    expect(limited.body.message).toMatch(/[\u4e00-\u9fff]/);
    // A free name must not answer differently, or the 201 would tell what the 409 no longer does.
    expect((await createUser(token, `free-${Date.now()}`)).status).toBe(429);
    // The same for a child organization's first admin, and for any other admin of the organization.
    const child = await app.post(
      '/api/v1/organizations',
      {
        name: '试探乡',
        admin: { username: `free-${Date.now()}`, password: 'probe-password-77', displayName: '乡' },
      },
      { token },
    );
    expect(child.status).toBe(429);

    // Other organizations are not affected, and the probed accounts still log in by username alone.
    expect((await createUser(target.users.admin.token, `free-${Date.now()}`)).status).toBe(201);
    const login = await app.post('/api/v1/auth/login', { username: foreign[0], password: FIXTURE_PASSWORD });
    expect(login.status).toBe(200);
  });
});
