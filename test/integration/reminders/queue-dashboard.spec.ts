import { JwtService } from '@nestjs/jwt';
import { TestApp } from '../../support/test-app';
import { createOrgWithUsers } from '../../support/identity-fixtures';

describe('queue dashboard at /admin/queues', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(() => app.close());

  it('asks for a token, refuses non-admins, and serves admins by header, cookie or query', async () => {
    const { users } = await createOrgWithUsers(app);
    expect((await app.get('/admin/queues')).status).toBe(401);
    expect((await app.get('/admin/queues', { token: 'not-a-jwt' })).status).toBe(401);
    const forged = await new JwtService({ secret: 'another-secret-that-is-long-enough-000' }).signAsync({
      sub: users.admin.id,
      typ: 'access',
    });
    expect((await app.get('/admin/queues', { token: forged })).status).toBe(401);
    const denied = await app.get('/admin/queues', { token: users.leader.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'FORBIDDEN' });

    const page = await app.get('/admin/queues', { token: users.admin.token });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<html');
    expect(
      (await app.get('/admin/queues', { headers: { cookie: `rectify_token=${users.admin.token}` } })).status,
    ).toBe(200);
    const queues = await app.get(`/admin/queues/api/queues?token=${users.admin.token}`);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['events', 'reminders', 'deliveries-email', 'deliveries-webhook']),
    );
  });
});
