import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/config/project-root';

/** The part of autocannon's result the benchmarks use. */
interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  /** Requests that got no answer in time (autocannon's 10 s timeout) or lost their connection. */
  errors: number;
}

/**
 * Load with autocannon in its own process (load-client.ts); fails when any response was not 2xx, so a broken
 * route cannot pass as "fast".
 */
export async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections = 50,
  /** Report timeouts instead of failing (a loaded host at a million tasks); a non-2xx answer still fails. */
  { tolerateTimeouts = false } = {},
): Promise<LoadResult> {
  const client = join(projectRoot(), 'dist', 'test', 'bench', 'load-client.js');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [client, JSON.stringify({ url, headers, connections, duration: seconds })],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout) as AutocannonResult;
  if (result.non2xx || (result.errors && !tolerateTimeouts))
    throw new Error(`${url}: ${result.non2xx} 个非 2xx 响应，${result.errors} 个错误`);
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.errors };
}
