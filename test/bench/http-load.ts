/** autocannon ships without type declarations; this is the part of its API the benchmarks use. */
interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = require('autocannon') as Autocannon;

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
}

/** Load with autocannon; fails when any response was not 2xx, so a broken route cannot pass as "fast". */
export async function load(url: string, headers: Record<string, string>, seconds: number, connections = 50): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} 个非 2xx 响应，${result.errors} 个错误`);
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
}
