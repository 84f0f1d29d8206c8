import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/project-root';

const READY_LINE = 'Rectify 队列工作进程已启动';
/** A worker boots in 2–3 s alone; on a loaded two-core machine, with another booting beside it, far longer. */
const START_TIMEOUT_MS = 90_000;

/** The worker is the built production entry, so dist/ must match the sources (a no-op when it does, as in CI). */
export function ensureBuilt(): void {
  execFileSync(process.execPath, [join(projectRoot(), 'scripts', 'ensure-build.js')], {
    cwd: projectRoot(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** `node dist/src/main.js --mode worker` as its own OS process: what `npm run start:worker` runs in production. */
export class WorkerProcess {
  private log = '';
  readonly exited: Promise<Exit>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(env: Record<string, string>): Promise<WorkerProcess> {
    const child = spawn(
      process.execPath,
      [join(projectRoot(), 'dist', 'src', 'main.js'), '--mode', 'worker'],
      {
        cwd: projectRoot(),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const worker = new WorkerProcess(child);
    const until = Date.now() + START_TIMEOUT_MS;
    while (!worker.log.includes(READY_LINE)) {
      if (child.exitCode !== null || Date.now() > until) {
        child.kill('SIGKILL');
        throw new Error(`工作进程未能启动（退出码 ${child.exitCode}）：\n${worker.log}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return worker;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Everything the process wrote, for failure messages. */
  get output(): string {
    return this.log;
  }

  async kill(signal: NodeJS.Signals): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** A graceful stop, forced after a while so a stuck worker cannot hold up the suite. */
  async stop(): Promise<void> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.kill('SIGTERM');
    clearTimeout(timer);
  }
}
