/**
 * The load generator as its own process: `node dist/test/bench/load-client.js '{"url":…}'` runs autocannon and
 * prints its result as JSON. The benchmark process holds the seed data and earlier workloads' garbage; a
 * measuring client that shares its heap and event loop adds its own pauses to every latency it reports.
 */
// autocannon ships no types; its CommonJS export is one function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<unknown>;

autocannon(JSON.parse(process.argv[2]) as Record<string, unknown>).then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
