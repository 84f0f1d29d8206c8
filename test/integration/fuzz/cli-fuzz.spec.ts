import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runParseCommand } from '../../../src/parsing/parse-command';
import { FUZZ_SEED, generateCorpus, ZIP_BOMB } from './fuzz-corpus';

const WORK_DIR = resolve(`test-output/fuzz-cli-${process.pid}-${Date.now()}`);
const CLI = resolve('dist/src/cli.js');
const runFile = promisify(execFile);

function captured() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (chunk: string) => void (out.stdout += chunk),
      stderr: (chunk: string) => void (out.stderr += chunk),
    },
  };
}

/** Exit 0 with one JSON document on stdout, or exit 2 with exactly one Chinese line on stderr and nothing on stdout. */
function contractViolation(code: number, stdout: string, stderr: string): string | null {
  if (code === 0) {
    if (stderr !== '') return 'stderr on success';
    try {
      const parsed = JSON.parse(stdout);
      return Array.isArray(parsed.items) && Array.isArray(parsed.sections)
        ? null
        : 'JSON without items/sections';
    } catch {
      return 'stdout is not JSON';
    }
  }
  if (code !== 2) return `exit code ${code}`;
  if (stdout !== '') return 'stdout on failure';
  return /^[^\n]*[\u4e00-\u9fff][^\n]*\n$/.test(stderr)
    ? null
    : `stderr is not one Chinese line: ${JSON.stringify(stderr.slice(0, 200))}`;
}

describe(`parse command fuzz (seed ${FUZZ_SEED})`, () => {
  let paths: string[] = [];
  /** Indexes of the zip bombs among `paths`: they must end in exit 2, before anything unpacks them. */
  let bombs = new Set<number>();

  beforeAll(async () => {
    await mkdir(WORK_DIR, { recursive: true });
    // A different seed from the upload suite; a 64 KiB "limit" only shapes the sizes (the CLI has none).
    // 10 of each of the corpus's 12 kinds.
    const files = await generateCorpus(FUZZ_SEED + 1, 120, 65536);
    bombs = new Set(files.flatMap((file, index) => (file.label.startsWith(ZIP_BOMB) ? [index] : [])));
    paths = await Promise.all(
      files.map(async (file, index) => {
        const path = join(WORK_DIR, `${String(index).padStart(3, '0')}-${file.name}`);
        await writeFile(path, file.buffer);
        return path;
      }),
    );
  });

  afterAll(async () => {
    await rm(WORK_DIR, { recursive: true, force: true });
  });

  it('answers every generated file with JSON (exit 0) or one Chinese line on stderr (exit 2)', async () => {
    const violations: string[] = [];
    const codes = new Map<number, number>();
    for (const [index, path] of paths.entries()) {
      const { out, io } = captured();
      const code = await runParseCommand([path], io).catch((error: unknown) => {
        violations.push(`${path}: threw ${String(error)}`);
        return -1;
      });
      codes.set(code, (codes.get(code) ?? 0) + 1);
      const problem = code === -1 ? null : contractViolation(code, out.stdout, out.stderr);
      if (problem) violations.push(`${path}: ${problem}`);
      if (bombs.has(index) && code !== 2) violations.push(`${path}: a zip bomb exited ${code}`);
    }
    expect(bombs.size).toBeGreaterThanOrEqual(10);
    expect(violations).toEqual([]);
    expect(codes.get(0)).toBeGreaterThan(20);
    expect(codes.get(2)).toBeGreaterThan(20);
  }, 60_000);

  it('keeps the contract for missing files, directories and wrong arguments', async () => {
    for (const args of [[join(WORK_DIR, 'missing.txt')], [WORK_DIR], [], [paths[0], 'extra']]) {
      const { out, io } = captured();
      const code = await runParseCommand(args, io);
      expect({ args, problem: contractViolation(code, out.stdout, out.stderr), code }).toEqual({
        args,
        problem: null,
        code: 2,
      });
    }
  });

  // The real process needs the build (CI builds before testing); skipped locally when dist/ is missing.
  (existsSync(CLI) ? it : it.skip)(
    'behaves the same through the built CLI process',
    async () => {
      // A mutated report, a truncated .docx, random bytes, a .docx named .txt, an empty file and a zip bomb, at once.
      const samples = [paths[0], paths[3], paths[5], paths[7], paths[8], paths[[...bombs][0]]];
      const results = await Promise.all(
        samples.map((path) =>
          runFile(process.execPath, [CLI, 'parse', path], { maxBuffer: 64 * 1024 * 1024 }).then(
            ({ stdout, stderr }) => ({ path, code: 0, stdout, stderr }),
            (error: { code?: number; stdout?: string; stderr?: string }) => ({
              path,
              code: error.code ?? -1,
              stdout: error.stdout ?? '',
              stderr: error.stderr ?? '',
            }),
          ),
        ),
      );
      for (const { path, code, stdout, stderr } of results)
        expect({ path, problem: contractViolation(code, stdout, stderr) }).toEqual({ path, problem: null });
    },
    30_000,
  );
});
