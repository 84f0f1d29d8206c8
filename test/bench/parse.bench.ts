import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../src/config/load-config';
import {
  configureUploadParsing,
  parseReportText,
  readReportUpload,
  releaseUploadParsing,
  uploadParsingSettings,
} from '../../src/parse-worker/upload-parsing';
import { parseReport } from '../../src/parsing';
import { projectRoot } from '../../src/config/project-root';
import { BenchResult } from './bench-result';

function sampleReports(): string[] {
  const dirs = [
    resolve(projectRoot(), '..', 'shared', 'seeds'),
    join(projectRoot(), 'test', 'fixtures', 'reports'),
  ];
  return dirs.filter(existsSync).flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.(txt|md)$/.test(name))
      .map((name) => readFileSync(join(dir, name), 'utf8')),
  );
}

function megabytesPerSecond(texts: string[], minMillis: number, work: (text: string) => unknown): number {
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  let processed = 0;
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minMillis) {
    for (const text of texts) work(text);
    processed += bytes;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  return processed / 1e6 / (elapsedMs / 1000);
}

const PARSE_WARM_UP_MS = 2000;

/**
 * The least a parser of these reports must do: split the text into trimmed lines with a regex and find which
 * lines open a numbered section (一、 （一） 1. and the like) with one more regex per line.
 */
const SECTION_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;
function bareSplit(text: string): number {
  let sections = 0;
  for (const line of text.split(/\r?\n/)) if (SECTION_START.test(line.trim())) sections++;
  return sections;
}

/** Parse throughput over the sample reports (.txt and .md, already text), against bareSplit on the same text. */
export async function benchParse(): Promise<BenchResult[]> {
  const texts = sampleReports();
  if (!texts.length) throw new Error('没有可用于基准测试的样例报告');
  // V8 needs about a second of parsing before the parser's functions and regexes run optimized.
  megabytesPerSecond(texts, PARSE_WARM_UP_MS, (text) => parseReport(text));
  const floor = megabytesPerSecond(texts, 1000, bareSplit);
  const parse = megabytesPerSecond(texts, 3000, (text) => parseReport(text));
  return [{ name: 'parse', value: parse, unit: 'MB/s', floor }, await parseThreadLoopDelay()];
}

const LARGE_REPORT_BYTES = 8 * 1024 * 1024;

/**
 * The longest the event loop waits while uploads are read and parsed in parse threads, as the API reads them: every
 * sample report (.docx included) and one of 8 MB. The promise: never more than 200 ms.
 */
async function parseThreadLoopDelay(): Promise<BenchResult> {
  const owner = {};
  configureUploadParsing(owner, uploadParsingSettings(loadConfig()));
  const fixtures = join(projectRoot(), 'test', 'fixtures', 'reports');
  const files = readdirSync(fixtures)
    .filter((name) => /\.(txt|md|docx)$/.test(name))
    .map((name) => ({ name, buffer: readFileSync(join(fixtures, name)) }));
  const sample = readFileSync(join(fixtures, 'town-long-many-headings.txt'), 'utf8');
  const large = Buffer.from(sample.repeat(Math.ceil(LARGE_REPORT_BYTES / Buffer.byteLength(sample))));
  files.push({ name: 'large.txt', buffer: large });
  try {
    await parseReportText(await readReportUpload(files[0].buffer, files[0].name));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    for (const file of files) await parseReportText(await readReportUpload(file.buffer, file.name));
    delay.disable();
    return { name: 'parse_thread_loop_delay_max', value: delay.max / 1e6, unit: 'ms' };
  } finally {
    await releaseUploadParsing(owner);
  }
}
