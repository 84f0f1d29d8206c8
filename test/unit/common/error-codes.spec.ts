import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ERROR_CODE_LIST, ERROR_CODES } from '../../../src/common/error-codes';

const SRC = resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const CODE_LITERAL = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'/g;
/** The literal is an argument of an `…Error(` / `…Exception(` call still open before it (no `;` in between). */
const INSIDE_ERROR_CALL = /(?:Error|Exception)\((?:[^;{}]|\{[^;{}]*\})*$/;
/** Or it is assigned to a `code`: `{ code: 'X' }`, `code = 'X'` (a default parameter). */
const ASSIGNED_TO_CODE = /\bcode\s*[:=]\s*$/;

/** Every upper-case literal src/ throws or answers as an error code, with the files it appears in. */
function thrownCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('error-codes.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(CODE_LITERAL)) {
      const before = text.slice(Math.max(0, match.index - 300), match.index);
      if (!INSIDE_ERROR_CALL.test(before) && !ASSIGNED_TO_CODE.test(before)) continue;
      codes.set(match[1], [...(codes.get(match[1]) ?? []), relative(SRC, file)]);
    }
  }
  return codes;
}

describe('ERROR_CODES, the list the OpenAPI ErrorCode enum is made from', () => {
  const thrown = thrownCodes();

  it('finds the codes thrown across the features (the scan itself works)', () => {
    for (const code of [
      'TASK_CLOSED',
      'VALIDATION_FAILED',
      'INVALID_CHARACTERS',
      'QUEUE_UNAVAILABLE',
      'REPORT_NOT_FOUND',
    ])
      expect(thrown.has(code)).toBe(true);
  });

  it('holds every code src/ can answer with, so the documented enum is complete', () => {
    const missing = [...thrown]
      .filter(([code]) => !(code in ERROR_CODES))
      .map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('holds no code that nothing answers with any more', () => {
    const stale = ERROR_CODE_LIST.filter((code) => !thrown.has(code));
    expect(stale).toEqual([]);
  });

  it('gives every code an error status and a Chinese example message', () => {
    for (const code of ERROR_CODE_LIST) {
      expect(ERROR_CODES[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_CODES[code].message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
