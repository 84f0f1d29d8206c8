import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../src/config/project-root';
import { embeddedPostgresBinaries, embeddedPostgresUrl } from '../../src/db/embedded-postgres';
import { assertPostgresUserCanReach, describeStartFailure } from '../../src/db/embedded-postgres-problems';
import { freePort } from '../../src/runtime/free-port';

const SERVER_SCRIPT = join(__dirname, 'embedded-postgres-server.mjs');
const START_TIMEOUT_MS = 20_000;

/**
 * A PostgreSQL server of the test's own (the project's embedded binaries), so a spec may stop and restart it
 * without disturbing the shared server on 5432 that other specs use. The data dir lives under the project
 * because, as root, the server runs as the `postgres` user, who cannot enter root's temporary folders.
 */
export class PrivatePostgres {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dataDir = join(projectRoot(), 'test-output', `faults-pg-${randomBytes(4).toString('hex')}`);
    const instance = new PrivatePostgres(await freePort(), dataDir);
    try {
      await instance.start();
    } catch (error) {
      await instance.destroy();
      throw error;
    }
    return instance;
  }

  /** The database name contains `test`, as every database the suite touches must. */
  get url(): string {
    return embeddedPostgresUrl(this.port, 'rectify_test_faults');
  }

  /**
   * Starts the server (again) on the same port and data dir; initdb runs only the first time. A checkout the postgres
   * system user cannot reach (as root) or any other failure is reported as the quick start reports it.
   */
  async start(): Promise<void> {
    if (this.process) return;
    if (process.getuid?.() === 0) {
      const binaries = embeddedPostgresBinaries();
      assertPostgresUserCanReach([dirname(this.dataDir), ...(binaries ? [binaries] : [])]);
    }
    const child = spawn(process.execPath, [SERVER_SCRIPT, this.dataDir, String(this.port)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process = child;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`私有 PostgreSQL 未能在 ${START_TIMEOUT_MS} ms 内启动：${stderr}`)),
          START_TIMEOUT_MS,
        );
        child.stdout!.on(
          'data',
          (chunk: Buffer) => chunk.toString('utf8').includes('ready') && (clearTimeout(timer), resolve()),
        );
        child.once(
          'exit',
          (code) => (
            clearTimeout(timer),
            reject(
              describeStartFailure(new Error(`退出码 ${code}：${stderr}`), {
                port: this.port,
                dataDir: this.dataDir,
                log: stderr,
              }),
            )
          ),
        );
      });
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** A fast shutdown (SIGINT to postgres): open connections are terminated, new ones refused. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
