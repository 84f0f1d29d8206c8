import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { normalizeText, parseReport, ParseResult } from '../../../src/parsing';
import { FIXTURES_DIR, reportCases, SEEDS_DIR } from './support/reports';

const TOKENS = [
  '一、',
  '二、',
  '三、',
  '（一）',
  '（二）',
  '(三)',
  '1.',
  '2、',
  '3．',
  '（1）',
  '①',
  '②',
  '一是',
  '二是',
  '三是',
  '首先，',
  '其次，',
  '最后，',
  '第一，',
  '第二，',
  '存在的问题',
  '不足：',
  '原因：',
  '整改情况：',
  '下一步工作打算',
  '2025年工作计划',
  '主要举措和成效',
  '第一责任人',
  '究其原因，',
  '针对上述问题，',
  '主要是',
  '；',
  '。',
  '，',
  '：',
  '\n',
  '\n\n',
  '\r\n',
  '\u3000',
  ' ',
  '[bookmark: _GoBack]',
  '特此报告。',
  '马营镇',
  '2024年',
  '6月底前',
  '年底前',
  '长期坚持',
  '“',
  '”',
  '１２',
  'Ａ',
  '\uFEFF',
  '\u0000',
];
const cjkChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
const words = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), cjkChar, cjkChar, fc.string({ maxLength: 3 })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));
const LINE_STARTS = [
  '',
  '',
  '一、',
  '二、',
  '（一）',
  '(二)',
  '1.',
  '2、',
  '（1）',
  '不足：',
  '原因：',
  '整改情况：',
  '一是',
];
const LINE_HEADS = [
  '',
  '',
  '存在的问题',
  '下一步工作打算',
  '原因分析',
  '整改情况',
  '主要举措和成效',
  '加强执法队伍建设。',
  '其他需要报告的情况',
];
const reportLine = fc
  .tuple(fc.constantFrom(...LINE_STARTS), fc.constantFrom(...LINE_HEADS), words)
  .map((parts) => parts.join(''));
const reportLike = fc.array(reportLine, { maxLength: 30 }).map((lines) => lines.join('\n'));
const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  reportLike,
);

function expectConsistent(result: ParseResult): void {
  for (const item of result.items) {
    expect(result.text.slice(item.start, item.end)).toBe(item.text);
    expect(item.start).toBeLessThan(item.end);
    expect(item.title.length).toBeLessThanOrEqual(40);
    if (item.suggestedDeadline !== null) expect(item.suggestedDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  let previousEnd = 0;
  for (const section of result.sections) {
    expect(section.start).toBeGreaterThanOrEqual(previousEnd);
    expect(section.end).toBeGreaterThanOrEqual(section.start);
    expect(section.end).toBeLessThanOrEqual(result.text.length);
    previousEnd = section.end;
  }
}

describe('parser properties', () => {
  test('never throws, and every offset slice equals its item text, on arbitrary and report-like text', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        expectConsistent(parseReport(raw));
      }),
      { numRuns: 600 },
    );
  });

  test('normalizing is idempotent, so parsing the result text again gives the same items', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
        const first = parseReport(raw);
        expect(parseReport(first.text).items).toEqual(first.items);
      }),
      { numRuns: 300 },
    );
  });

  const reports = [...reportCases(SEEDS_DIR), ...reportCases(FIXTURES_DIR)].map((c) =>
    readFileSync(c.path, 'utf8'),
  );

  test('real reports with random text spliced in keep consistent offsets', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...reports),
        fc.array(fc.tuple(fc.nat(), anyText), { maxLength: 5 }),
        (report, insertions) => {
          let text = report;
          for (const [position, inserted] of insertions) {
            const at = position % (text.length + 1);
            text = text.slice(0, at) + inserted + text.slice(at);
          }
          expectConsistent(parseReport(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('parses at well over 1 MB/s even on one huge report (no catastrophic backtracking)', () => {
    const big = reports.join('\n').repeat(Math.ceil(2_000_000 / reports.join('\n').length));
    const started = performance.now();
    const result = parseReport(big);
    const seconds = (performance.now() - started) / 1000;
    expect(result.items.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(big) / 1e6 / seconds).toBeGreaterThan(1);
  });

  test('stays fast on pathological input: long lines without punctuation, endless markers', () => {
    for (const big of [
      '问题'.repeat(200_000),
      '一是'.repeat(100_000),
      '存在的问题\n' + '1.认真研究'.repeat(50_000),
      '（一）'.repeat(100_000),
    ]) {
      const started = performance.now();
      parseReport(big);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });
});
