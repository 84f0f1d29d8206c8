import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { seededRandom } from './list-mix';

/** What the mix client is asked to do: `node dist/test/bench/mix-client.js <file.json>`. */
export interface MixLoad {
  baseUrl: string;
  /** Path and query of each request, and its Authorization header ('' for none). */
  requests: Array<{ path: string; authorization: string }>;
  connections: number;
  warmUpSeconds: number;
  seconds: number;
  seed: number;
}

export interface MixLoadResult {
  seconds: number;
  /** Every measured request's latency in ms, sorted; rounds are combined by merging them. */
  latenciesMs: number[];
  failures: number;
  firstFailure?: string;
}

/**
 * A closed-loop load generator in its own process, like load-client.ts, for a mix of many distinct requests:
 * each of `connections` keep-alive connections sends one request at a time, chosen at random (seeded per
 * connection, so the API and the floor get the same sequences) from the whole list. autocannon cycles through a
 * request list in the same order on every connection, which would make 50 connections ask for the same pages at
 * the same moment. Latencies count from the end of the warm-up.
 */
async function run(load: MixLoad): Promise<MixLoadResult> {
  const base = new URL(load.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: load.connections });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const measureFrom = started + load.warmUpSeconds * 1000;
  const end = measureFrom + load.seconds * 1000;
  const send = (path: string, authorization: string) =>
    new Promise<number>((resolve) => {
      const outgoing = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          path,
          headers: authorization ? { authorization } : {},
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status !== 200)
              firstFailure ??= `${status} ${path}: ${Buffer.concat(chunks).toString().slice(0, 300)}`;
            resolve(status);
          });
        },
      );
      outgoing.on('error', (error) => {
        firstFailure ??= `${path}: ${error.message}`;
        resolve(0);
      });
      outgoing.end();
    });
  await Promise.all(
    Array.from({ length: load.connections }, async (_, connection) => {
      const random = seededRandom(load.seed + connection);
      while (performance.now() < end) {
        const next = load.requests[Math.floor(random() * load.requests.length)];
        const sent = performance.now();
        const status = await send(next.path, next.authorization);
        if (sent < measureFrom) continue;
        latencies.push(performance.now() - sent);
        if (status !== 200) failures++;
      }
    }),
  );
  agent.destroy();
  return {
    seconds: load.seconds,
    latenciesMs: latencies.map((ms) => Math.round(ms * 10) / 10).sort((a, b) => a - b),
    failures,
    firstFailure,
  };
}

if (require.main === module)
  run(JSON.parse(readFileSync(process.argv[2], 'utf8')) as MixLoad).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
