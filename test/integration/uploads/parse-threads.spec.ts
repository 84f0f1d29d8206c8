import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  configureUploadParsing,
  parseReportText,
  readReportUpload,
  releaseUploadParsing,
  uploadParsingSettings,
} from '../../../src/parse-worker/upload-parsing';
import { parseReport, readReportFile } from '../../../src/parsing';
import { testRuntime } from '../../support/test-app';
import { FIXTURES_DIR, PDF_COPIED_DIR, SEEDS_DIR } from '../../unit/parsing/support/reports';

const owner = {};

function reportFiles(): string[] {
  return [FIXTURES_DIR, PDF_COPIED_DIR, SEEDS_DIR].flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => /\.(txt|md|docx)$/.test(name))
        .map((name) => join(dir, name))
        .filter((path) => statSync(path).isFile());
    } catch {
      return [];
    }
  });
}

describe('reading and parsing in parse threads', () => {
  beforeAll(() => configureUploadParsing(owner, uploadParsingSettings(testRuntime('api').config)));
  afterAll(() => releaseUploadParsing(owner));

  it('gives every fixture and seed report, .docx included, exactly the parse of the event loop', async () => {
    const files = reportFiles();
    expect(files.filter((path) => path.endsWith('.docx')).length).toBeGreaterThanOrEqual(2);
    for (const path of files) {
      const buffer = readFileSync(path);
      const text = await readReportFile(buffer, path);
      expect({ path, text: await readReportUpload(buffer, path) }).toEqual({ path, text });
      expect({ path, parse: await parseReportText(text) }).toEqual({ path, parse: parseReport(text) });
    }
  }, 120_000);

  it('keeps the event loop turning while a large report is parsed', async () => {
    const fixture = readFileSync(join(FIXTURES_DIR, 'town-long-many-headings.txt'), 'utf8');
    // A report large enough that parsing it on the event loop would stall it for 300 ms or more on this machine,
    // however fast or busy the machine is today: doubled until a parse here, on the loop, takes that long.
    let large = fixture;
    let onTheLoop = 0;
    while (onTheLoop < 300) {
      large = `${large}\n${large}`;
      const started = performance.now();
      parseReport(large);
      onTheLoop = performance.now() - started;
    }
    await parseReportText('热身');
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const parsed = await parseReportText(large);
    // One more tick before stopping, so a stall that ended just now is measured too.
    await new Promise((resolve) => setTimeout(resolve, 30));
    clearInterval(ticker);
    expect(parsed.items.length).toBeGreaterThan(100);
    expect(longestGap).toBeLessThan(onTheLoop / 2);
  }, 120_000);
});
