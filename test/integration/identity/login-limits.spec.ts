import { randomUUID } from 'node:crypto';
import { createOrgWithUsers, FIXTURE_PASSWORD } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { testQueuePrefix, uniqueSuffix } from '../../support/test-env';

// Long enough that the burst below (five argon2 checks on a busy two-core machine) ends well inside it.
const WINDOW_SECONDS = 10;

/** Each case gets its own Redis prefix, so the counters of one (all from 127.0.0.1) never reach the next. */
async function withApp(env: Record<string, string>, run: (app: TestApp) => Promise<void>): Promise<void> {
  const app = await TestApp.start(
    testRuntime('api', { QUEUE_PREFIX: `${testQueuePrefix()}-${uniqueSuffix()}`, ...env }),
  );
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

const login = (app: TestApp, username: string, password: string, forwardedFor?: string) =>
  app.request('POST', '/api/v1/auth/login', {
    body: { username, password },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

const stranger = () => `nobody-${randomUUID().slice(0, 8)}`;

describe('login limits', () => {
  it('checks at most the limit of 40 parallel guesses at one account, and refuses even the right password until the window ends', async () => {
    await withApp(
      {
        LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS),
        LOGIN_ATTEMPTS_PER_ACCOUNT: '5',
        LOGIN_ATTEMPTS_PER_ADDRESS: '1000',
      },
      async (app) => {
        const { username } = (await createOrgWithUsers(app)).users.staff;
        const started = Date.now();
        const guesses = await Promise.all(
          Array.from({ length: 40 }, (_, i) => login(app, username, `wrong-guess-${i}`)),
        );
        const statuses = guesses.map((response) => response.status);
        expect(statuses.filter((status) => status === 401)).toHaveLength(5);
        expect(statuses.filter((status) => status === 429)).toHaveLength(35);
        const refused = guesses.find((response) => response.status === 429)!;
        expect(refused.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
        expect(refused.body.message).toMatch(/^登录尝试次数过多/);

        expect((await login(app, username, FIXTURE_PASSWORD)).status).toBe(429);
        expect(Date.now() - started).toBeLessThan((WINDOW_SECONDS - 1) * 1000);
        // The window started with the first guess; wait well past it, whatever the machine's load.
        let success = await login(app, username, FIXTURE_PASSWORD);
        while (success.status === 429 && Date.now() - started < 60_000) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          success = await login(app, username, FIXTURE_PASSWORD);
        }
        expect(success.status).toBe(200);
        // Redis counts expiry in whole seconds from the first attempt.
        expect(Date.now() - started).toBeGreaterThanOrEqual((WINDOW_SECONDS - 1) * 1000);
      },
    );
  }, 120_000);

  it('counts an address’s failures across accounts: a success clears its account’s count but not the address’s failures', async () => {
    await withApp({ LOGIN_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_ATTEMPTS_PER_ADDRESS: '4' }, async (app) => {
      const { username } = (await createOrgWithUsers(app)).users.staff;
      expect((await login(app, username, 'wrong-guess-1')).status).toBe(401);
      expect((await login(app, username, 'wrong-guess-2')).status).toBe(401);
      // Two failures on the account and the address; successes neither add to nor wipe the address's failures.
      for (let i = 0; i < 4; i++) expect((await login(app, username, FIXTURE_PASSWORD)).status).toBe(200);
      expect((await login(app, stranger(), 'wrong-guess-3')).status).toBe(401);
      expect((await login(app, stranger(), 'wrong-guess-4')).status).toBe(401);
      expect((await login(app, stranger(), 'wrong-guess-5')).status).toBe(429);
      expect((await login(app, username, FIXTURE_PASSWORD)).status).toBe(429);
    });
  });

  describe('client address and X-Forwarded-For', () => {
    const limited = { LOGIN_ATTEMPTS_PER_ACCOUNT: '100', LOGIN_ATTEMPTS_PER_ADDRESS: '3' };
    const fourGuesses = async (app: TestApp, forwardedFor: (i: number) => string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await login(app, stranger(), 'wrong-guess', forwardedFor(i))).status);
      return statuses;
    };

    it.each([
      ['no proxy is trusted', 'false'],
      ['the peer is not one of the listed proxies', '10.0.0.1,192.168.0.0/16'],
    ])('ignores X-Forwarded-For when %s, so a client cannot pick its address', async (_, trustProxy) => {
      await withApp({ ...limited, TRUST_PROXY: trustProxy }, async (app) => {
        expect(await fourGuesses(app, (i) => `10.9.0.${i}`)).toEqual([401, 401, 401, 429]);
      });
    });

    it('takes the address a listed proxy reports', async () => {
      await withApp({ ...limited, TRUST_PROXY: '127.0.0.1' }, async (app) => {
        expect(await fourGuesses(app, (i) => `10.9.0.${i}`)).toEqual([401, 401, 401, 401]);
      });
    });

    it('with a hop count, takes the address the nearest proxy appended, not one the client put in front', async () => {
      await withApp({ ...limited, TRUST_PROXY: '1' }, async (app) => {
        expect(await fourGuesses(app, (i) => `10.9.0.${i}, 203.0.113.7`)).toEqual([401, 401, 401, 429]);
        expect((await login(app, stranger(), 'wrong-guess', '203.0.113.8')).status).toBe(401);
      });
    });
  });
});
