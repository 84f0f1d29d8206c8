import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';

jest.setTimeout(120_000);

describe('PATCH /users/:id {phone}: the mobile number robots @mention', () => {
  let app: TestApp;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    fixture = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  const staffId = () => fixture.users.staff.id;
  const setPhone = (phone: unknown, token = fixture.users.admin.token) =>
    app.patch(`/api/v1/users/${staffId()}`, { phone }, { token });

  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 139-1234-5678', '13912345678'],
  ])('stores %s as the mobile %s', async (typed, stored) => {
    const response = await setPhone(typed);
    expect(response.status).toBe(200);
    expect(response.body.phone).toBe(stored);
  });

  it.each(['12812345678', '1381234567', '0471-1234567', 'abc', 13812345678, ''])(
    'refuses %j with 400 and a Chinese message, keeping the number it had',
    async (typed) => {
      await setPhone('13700001111');
      const response = await setPhone(typed);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/手机号/),
      });
      const read = await app.get(`/api/v1/users/${staffId()}`, { token: fixture.users.admin.token });
      expect(read.body.phone).toBe('13700001111');
    },
  );

  it('clears the number with null', async () => {
    await setPhone('13700001111');
    expect((await setPhone(null)).body.phone).toBeNull();
  });

  it('lets only administrators change it, and shows it to administrators and leaders only', async () => {
    await setPhone('13700002222');
    expect((await setPhone('13700003333', fixture.users.leader.token)).status).toBe(403);
    const byLeader = await app.get('/api/v1/users', { token: fixture.users.leader.token });
    expect(byLeader.body.find((user: { id: string }) => user.id === staffId()).phone).toBe('13700002222');
    for (const role of ['staff', 'viewer'] as const) {
      expect((await app.get('/api/v1/users', { token: fixture.users[role].token })).status).toBe(403);
      const directory = await app.get('/api/v1/directory', { token: fixture.users[role].token });
      expect(directory.status).toBe(200);
      expect(JSON.stringify(directory.body)).not.toContain('13700002222');
    }
  });
});
