import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/project-root';
import { freePort } from '../../src/runtime/free-port';

export interface ChildServer {
  baseUrl: string;
  /** Resident set size of the server process (not of the benchmark driving it). */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Runs a compiled script (relative to dist/) as its own process on a free port (given as PORT), waits until `readyPath`
 * answers 200: load generator and server then compete for the cores as they would on a real host, and the
 * server's memory is its own.
 */
export async function startChildServer(
  script: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  nodeFlags: string[] = [],
): Promise<ChildServer> {
  const port = await freePort();
  let stderr = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, join(projectRoot(), 'dist', script), ...args],
    {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} 启动失败（退出码 ${child.exitCode}）：${stderr}`);
    const ready = await fetch(`${baseUrl}${readyPath}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${script} 30 秒内未就绪：${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, rssMb: () => residentMb(child.pid as number), stop };
}

/** The node flags an npm script of package.json starts the app with (`node --flag dist/src/main.js …`). */
export function nodeFlagsOfScript(name: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const command = /\bnode((?:\s+--\S+)*)\s+dist\/src\/main\.js/.exec(scripts[name] ?? '');
  if (!command) throw new Error(`package.json 的 ${name} 脚本不是 node … dist/src/main.js`);
  return command[1].trim().split(/\s+/).filter(Boolean);
}

function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  if (!line) throw new Error(`读取进程 ${pid} 的内存失败`);
  return Number(line.replace(/\D+/g, '')) / 1024;
}
