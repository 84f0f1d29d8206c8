import { Client } from 'pg';
import { ConfigError } from '../../../src/config/load-config';
import { ensureDatabaseExists } from '../../../src/db/ensure-database';
import { runMigrations } from '../../../src/db/migrate';
import { TestApp, testRuntime } from '../../support/test-app';
import { databaseUrlNamed, uniqueSuffix } from '../../support/test-env';

/** Start-up bootstrap needs a database without users, so each case gets its own freshly migrated one. */
async function freshDatabase(): Promise<string> {
  const url = databaseUrlNamed(`rectify_test_bootstrap_${uniqueSuffix()}`);
  await ensureDatabaseExists(url);
  await runMigrations(url);
  created.push(url);
  return url;
}

const created: string[] = [];

async function usersIn(
  url: string,
): Promise<{ username: string; role: string; password_hash: string; org: string }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    `SELECT u.username, u.role, u.password_hash, o.name AS org FROM users u JOIN organizations o ON o.id = u.organization_id`,
  );
  await client.end();
  return rows;
}

function startWith(url: string, env: Record<string, string>) {
  const runtime = testRuntime('api', env);
  return TestApp.start({ ...runtime, databaseUrl: url });
}

describe('first administrator at start-up', () => {
  afterAll(async () => {
    const admin = new Client({ connectionString: databaseUrlNamed('postgres') });
    await admin.connect();
    for (const url of created)
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  });

  it('creates the organization and the admin from ADMIN_USERNAME/ADMIN_PASSWORD once, who can then log in', async () => {
    const url = await freshDatabase();
    const env = {
      NODE_ENV: 'production',
      ADMIN_USERNAME: 'chief',
      ADMIN_PASSWORD: 'chief-password-1',
      ORG_NAME: '张良镇人民政府',
    };
    const app = await startWith(url, env);
    try {
      const login = await app.post('/api/v1/auth/login', { username: 'chief', password: 'chief-password-1' });
      expect(login.status).toBe(200);
      expect(login.body.user.role).toBe('admin');
    } finally {
      await app.close();
    }
    await (await startWith(url, env)).close();
    const users = await usersIn(url);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ username: 'chief', role: 'admin', org: '张良镇人民政府' });
    expect(users[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses to start in production when no user exists and ADMIN_PASSWORD is unset', async () => {
    const url = await freshDatabase();
    await expect(startWith(url, { NODE_ENV: 'production' })).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(await usersIn(url)).toHaveLength(0);
  });

  it('refuses to start with a weak ADMIN_PASSWORD, naming the variable and the fix, and creates nobody', async () => {
    const url = await freshDatabase();
    const start = startWith(url, { NODE_ENV: 'production', ADMIN_PASSWORD: '12345678' });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(
      /^配置项 ADMIN_PASSWORD 不能用作首个管理员的密码：密码过于简单.*请换一个更强的密码/,
    );
    expect(await usersIn(url)).toHaveLength(0);
  });

  it('in development generates a password, prints it once to stderr, and it works', async () => {
    const url = await freshDatabase();
    const printed: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    let app: TestApp | undefined;
    try {
      app = await startWith(url, { NODE_ENV: 'development' });
    } finally {
      spy.mockRestore();
    }
    try {
      const line = printed.find((text) => text.includes('管理员初始密码'));
      expect(line).toBeDefined();
      const password = /管理员初始密码：(\S+?)（/.exec(line!)![1];
      expect((await app.post('/api/v1/auth/login', { username: 'admin', password })).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('creates nobody in the test environment', async () => {
    const url = await freshDatabase();
    await (await startWith(url, {})).close();
    expect(await usersIn(url)).toHaveLength(0);
  });
});
