import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';

describe('GET/PATCH /organizations/current/settings', () => {
  let app: TestApp;
  let own: OrgWithUsers;
  let other: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start();
    own = await Fixtures.of(app).organization();
    other = await Fixtures.of(app).organization();
  });

  afterAll(() => app.close());

  const url = '/api/v1/organizations/current/settings';

  it('gives every role the defaults until an administrator sets something', async () => {
    for (const role of ['admin', 'leader', 'staff', 'viewer'] as const) {
      const response = await app.get(url, { token: own.users[role].token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        reportAddressee: null,
        defaultDeadline: '12-31',
        requireEvidenceForReview: false,
      });
    }
  });

  it('lets the administrator change one setting at a time, in the own organization only', async () => {
    const first = await app.patch(
      url,
      { reportAddressee: ' 县委全面依法治县委员会办公室：' },
      { token: own.users.admin.token },
    );
    expect(first.status).toBe(200);
    expect(first.body.reportAddressee).toBe('县委全面依法治县委员会办公室');
    const second = await app.patch(url, { defaultDeadline: '06-30' }, { token: own.users.admin.token });
    expect(second.body).toEqual({
      reportAddressee: '县委全面依法治县委员会办公室',
      defaultDeadline: '06-30',
      requireEvidenceForReview: false,
    });
    expect((await app.get(url, { token: other.users.admin.token })).body.defaultDeadline).toBe('12-31');
  });

  it('refuses other roles, impossible days and unknown settings with Chinese messages', async () => {
    expect(
      (await app.patch(url, { defaultDeadline: '06-30' }, { token: own.users.leader.token })).status,
    ).toBe(403);
    const leapDay = await app.patch(url, { defaultDeadline: '02-29' }, { token: own.users.admin.token });
    expect(leapDay.status).toBe(400);
    expect(leapDay.body.message).toContain('默认完成时限');
    const unknown = await app.patch(url, { theme: 'dark' }, { token: own.users.admin.token });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('never lists settings with the organizations', async () => {
    const listed = await app.get('/api/v1/organizations', { token: own.users.viewer.token });
    expect(listed.status).toBe(200);
    expect(listed.body[0]).not.toHaveProperty('settings');
  });
});
