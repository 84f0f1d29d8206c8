import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runParseCommand } from '../../../src/parsing/parse-command';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runParseCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('cli parse FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-parse-'));
  const report = join(dir, 'report.txt');
  writeFileSync(
    report,
    '马营镇关于2023年法治政府建设情况的报告\n一、存在的问题\n1.执法力量不足。\n二、下一步工作打算\n（一）加强执法队伍建设，年底前完成培训。',
  );

  test('prints the parse result as JSON, without the normalized text', async () => {
    const { code, stdout, stderr } = await run([report]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      organization: '马营镇',
      reportYear: 2023,
      planYear: 2024,
      title: '马营镇关于2023年法治政府建设情况的报告',
    });
    expect(result).not.toHaveProperty('text');
    expect(result.sections.map((s: { kind: string }) => s.kind)).toEqual(['problems', 'plans']);
    expect(result.items[1]).toMatchObject({
      kind: 'plan',
      title: '加强执法队伍建设，年底前完成培训',
      suggestedUnits: ['综合行政执法队'],
      suggestedDeadline: '2024-12-31',
    });
    expect(Object.keys(result.items[0])).toEqual(
      expect.arrayContaining([
        'kind',
        'title',
        'text',
        'start',
        'end',
        'suggestedUnits',
        'suggestedDeadline',
      ]),
    );
  });

  test.each([
    [[], '用法'],
    [[report, 'extra'], '用法'],
    [[join(dir, 'missing.txt')], '文件不存在'],
    [[dir], '目录'],
  ])(
    'usage errors and missing files: one Chinese line on stderr, nothing on stdout, exit 2 (%j)',
    async (args, message) => {
      const { code, stdout, stderr } = await run(args as string[]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  test("unsupported or mismatched files: the reader's message and exit 2", async () => {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    const fake = join(dir, 'fake.txt');
    writeFileSync(fake, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    for (const [file, message] of [
      [pdf, '不支持的文件类型：.pdf'],
      [fake, '不符'],
    ]) {
      const { code, stdout, stderr } = await run([file]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toContain(message);
    }
  });
});
