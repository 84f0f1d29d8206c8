import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/project-root';
import { nodeFlagsOfScript } from './child-server';

/** `count` processes of a compiled script (`dist/<script>`), with the bench's environment. */
export function spawnProcesses(
  count: number,
  args: string[],
  env: Record<string, string>,
  nodeFlags: string[] = [],
): ChildProcess[] {
  const [script, ...rest] = args;
  return Array.from({ length: count }, () =>
    spawn(process.execPath, [...nodeFlags, join(projectRoot(), 'dist', script), ...rest], {
      env: { ...process.env, ...env },
      // Their start-up and shutdown lines would mix with the results; failures show as a timeout with the count.
      stdio: 'ignore',
    }),
  );
}

/** `count` worker processes started as `npm run start:worker` starts one. */
export function spawnWorkers(count: number, env: Record<string, string>): ChildProcess[] {
  return spawnProcesses(count, ['src/main.js', '--mode', 'worker'], env, nodeFlagsOfScript('start:worker'));
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** CPU seconds (user + system) the process has used so far, from /proc. */
export function cpuSeconds(child: ChildProcess): number {
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
