import { cpus, totalmem } from 'node:os';
import { benchParse } from './parse.bench';
import { benchList } from './list.bench';
import { benchRollup } from './rollup.bench';
import { benchReminders } from './reminders.bench';
import { benchImport } from './import.bench';
import { benchDeliveries } from './deliveries.bench';
import { benchScale } from './scale.bench';
import { BenchResult, formatResult } from './bench-result';

type Workload = () => BenchResult[] | Promise<BenchResult[]>;

const WORKLOADS: Record<string, Workload> = {
  parse: benchParse,
  list: benchList,
  rollup: benchRollup,
  reminders: benchReminders,
  deliveries: benchDeliveries,
  import: benchImport,
};
/** Workloads that run only when named (`npm run bench -- scale`): they take minutes. */
const ON_REQUEST: Record<string, Workload> = {
  scale: benchScale,
};

/**
 * `npm run bench`: one line per result as CONTRACT section 5 prescribes. A failing workload is reported on stderr
 * and the others still run; the exit code is non-zero if any failed. `npm run bench -- list rollup` runs a subset.
 */
async function main(): Promise<number> {
  process.stderr.write(
    `# ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`,
  );
  const selected = process.argv.slice(2);
  let failures = 0;
  const workloads = Object.entries({ ...WORKLOADS, ...ON_REQUEST }).filter(([name]) =>
    selected.length ? selected.includes(name) : name in WORKLOADS,
  );
  for (const [name, workload] of workloads) {
    try {
      for (const result of await workload())
        for (const line of formatResult(result)) process.stdout.write(`${line}\n`);
    } catch (error) {
      failures++;
      process.stderr.write(`# 基准 ${name} 失败: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
  }
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
