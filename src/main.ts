import 'reflect-metadata';
import { APP_MODES, AppMode } from './config/app-config';
import { ConfigError, loadConfig } from './config/load-config';
import { EmbeddedPostgresError } from './db/embedded-postgres-problems';
import { resetDatabase } from './demo/reset-database';
import { createHttpApp, createWorkerContext } from './runtime/create-app';
import { listenHost, LOOPBACK } from './runtime/listen-host';
import { prepareRuntime } from './runtime/prepare-runtime';
import { RedisUnavailableError } from './runtime/redis-resolver';

interface StartArgs {
  mode?: AppMode;
  demo: boolean;
  reset: boolean;
}

function parseArgs(argv: string[]): StartArgs {
  const modeIndex = argv.indexOf('--mode');
  const mode = modeIndex >= 0 ? argv[modeIndex + 1] : undefined;
  if (mode !== undefined && !APP_MODES.includes(mode as AppMode)) {
    throw new ConfigError(`启动参数 --mode 的值 "${mode}" 无效：必须是 ${APP_MODES.join('、')} 之一。`);
  }
  return {
    mode: mode as AppMode | undefined,
    demo: argv.includes('--demo'),
    reset: argv.includes('--reset'),
  };
}

const log = (message: string): void => void process.stderr.write(`[rectify] ${message}\n`);

async function start(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  if (args.demo && config.NODE_ENV === 'production') {
    throw new ConfigError('演示模式会写入示例数据，NODE_ENV=production 时拒绝启动。');
  }
  const { runtime, release } = await prepareRuntime({ config, mode: args.mode, demo: args.demo, log });
  if (args.demo && args.reset) {
    await resetDatabase(runtime.databaseUrl);
    log('演示模式：已清空数据库，重新创建演示数据');
  }
  const httpApp = runtime.mode === 'worker' ? null : await createHttpApp(runtime);
  const app = httpApp ?? (await createWorkerContext(runtime));
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    log(`收到 ${signal}，正在等待进行中的请求和任务完成后退出`);
    await app.close();
    await release();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
  if (httpApp) {
    const host = listenHost(config, args.demo);
    await httpApp.listen(config.PORT, host);
    log(
      `Rectify 已启动（模式 ${runtime.mode}）：http://127.0.0.1:${config.PORT}/ ，API 文档 http://127.0.0.1:${config.PORT}/api/docs`,
    );
    if (args.demo && host === LOOPBACK) {
      log(
        `演示模式只在本机（${LOOPBACK}）监听，因为演示账号的密码是公开的；要让其他电脑访问，请设置 HOST=0.0.0.0`,
      );
    }
  } else {
    log('Rectify 队列工作进程已启动');
  }
}

start().catch((error: unknown) => {
  // Failures with a known cause say it and what to do in one sentence; anything else keeps its stack.
  if (
    error instanceof ConfigError ||
    error instanceof RedisUnavailableError ||
    error instanceof EmbeddedPostgresError
  ) {
    log(error.message);
    process.exit(2);
  }
  log(`启动失败：${describeUnexpected(error)}`);
  process.exit(1);
});

function describeUnexpected(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return error === undefined || error === null ? '未知原因（出错的部分没有给出任何信息）' : String(error);
}
