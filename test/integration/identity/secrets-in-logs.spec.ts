import fs from 'node:fs';
import { createOrgWithUsers, FIXTURE_PASSWORD } from '../../support/identity-fixtures';
import { TestApp, testRuntime } from '../../support/test-app';

/** Everything the process writes (pino goes through fs.write/fs.writeSync on fd 1, Nest's own logger through the streams). */
function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const record = (chunk: unknown) =>
    chunks.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
  const spies = [
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (record(chunk), true)),
    jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (record(chunk), true)),
    jest
      .spyOn(fs, 'writeSync')
      .mockImplementation(((fd: number, chunk: unknown) =>
        fd <= 2
          ? (record(chunk), String(chunk).length)
          : jest.requireActual('node:fs').writeSync(fd, chunk)) as never),
  ];
  return { text: () => chunks.join(''), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

describe('secrets never reach responses or logs', () => {
  it('logs requests at trace level without any password, hash or token', async () => {
    const app = await TestApp.start(testRuntime('api', { LOG_LEVEL: 'trace' }));
    const output = captureOutput();
    const seen: string[] = [];
    try {
      const fixture = await createOrgWithUsers(app);
      const login = await app.post('/api/v1/auth/login', {
        username: fixture.users.admin.username,
        password: FIXTURE_PASSWORD,
      });
      seen.push(login.raw.toString());
      await app.post('/api/v1/auth/login', {
        username: fixture.users.admin.username,
        password: 'wrong-secret-zz',
      });
      const created = await app.post(
        '/api/v1/users',
        { username: `log-${Date.now()}`, password: 'created-secret-yy', displayName: '日志', role: 'viewer' },
        { token: login.body.accessToken },
      );
      seen.push(created.raw.toString());
      const reset = await app.patch(
        `/api/v1/users/${created.body.id}`,
        { password: 'reset-secret-xx' },
        { token: login.body.accessToken },
      );
      seen.push(
        reset.raw.toString(),
        (await app.get('/api/v1/users', { token: login.body.accessToken })).raw.toString(),
      );
      await app.post('/api/v1/auth/refresh', { refreshToken: login.body.refreshToken });
    } finally {
      output.restore();
      await app.close();
    }
    const logs = output.text();
    expect(logs).toContain('/api/v1/auth/login');
    for (const text of [logs, ...seen]) {
      expect(text).not.toMatch(/\$argon2|passwordHash|password_hash/);
      for (const secret of [FIXTURE_PASSWORD, 'wrong-secret-zz', 'created-secret-yy', 'reset-secret-xx'])
        expect(text).not.toContain(secret);
    }
    expect(logs).not.toMatch(/Bearer ey/);
  });
});
