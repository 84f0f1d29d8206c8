import { cpus, totalmem } from 'node:os';
import { benchParse } from './parse.bench';
import { BenchResult, formatResult } from './bench-result';

/** `npm run bench`: one line per workload as CONTRACT section 5 prescribes. */
async function main(): Promise<void> {
  process.stderr.write(`# ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`);
  const workloads: (() => BenchResult[] | Promise<BenchResult[]>)[] = [benchParse];
  for (const workload of workloads) {
    for (const result of await workload()) for (const line of formatResult(result)) process.stdout.write(`${line}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
