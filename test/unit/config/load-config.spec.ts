import { ConfigError, loadConfig } from '../../../src/config/load-config';

describe('loadConfig', () => {
  it('fills defaults from config/defaults.json and types them', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.APP_MODE).toBe('all');
    expect(config.DB_MIGRATIONS_RUN).toBe(true);
    // BullMQ's own defaults, so an unconfigured worker behaves like a plain BullMQ worker.
    expect(config).toMatchObject({ WORKER_LOCK_DURATION_MS: 30000, WORKER_STALLED_INTERVAL_MS: 30000 });
  });

  it('lets the environment override defaults', () => {
    const config = loadConfig({ PORT: '4100', APP_MODE: 'worker', DB_MIGRATIONS_RUN: 'false' });
    expect(config).toMatchObject({ PORT: 4100, APP_MODE: 'worker', DB_MIGRATIONS_RUN: false });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT.*必须是整数/],
    [{ APP_MODE: 'both' }, /APP_MODE.*api, worker, all/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL.*postgres:\/\//],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL.*redis:\/\//],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET.*32/],
    [{ WORKER_LOCK_DURATION_MS: '500' }, /WORKER_LOCK_DURATION_MS.*最小值/],
    [{ WORKER_STALLED_INTERVAL_MS: 'soon' }, /WORKER_STALLED_INTERVAL_MS.*必须是整数/],
    [{ ROBOT_SECRET_KEY: 'too-short' }, /ROBOT_SECRET_KEY.*32 字节/],
    [{ PUBLIC_BASE_URL: 'zfjs.example.gov.cn' }, /PUBLIC_BASE_URL.*http/],
    [{ ROBOT_RATE_LIMIT: '0' }, /ROBOT_RATE_LIMIT.*最小值/],
    [
      { TRUST_PROXY: 'true' },
      /TRUST_PROXY 的值 "true" 无效：应填写 false.*层数.*地址\/网段列表.*不再支持 true/,
    ],
    [{ TRUST_PROXY: 'proxy.local' }, /TRUST_PROXY.*应填写 false/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY.*应填写 false/],
    [{ TRUST_PROXY: '11' }, /TRUST_PROXY.*1–10/],
    [{ LOGIN_WINDOW_SECONDS: '0' }, /LOGIN_WINDOW_SECONDS.*最小值/],
  ])('stops with one sentence naming the bad variable: %j', (env, pattern) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(pattern);
  });

  it.each([
    ['false', false],
    ['0', false],
    ['2', 2],
    [' 10.0.0.2 , 10.1.0.0/16 ', ['10.0.0.2', '10.1.0.0/16']],
    ['loopback,fd00::/8', ['loopback', 'fd00::/8']],
  ])('reads TRUST_PROXY %j as no proxy, a hop count or a list of proxies', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
