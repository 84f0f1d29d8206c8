import { normalizeText } from '../../../src/parsing';

describe('normalizeText', () => {
  test('line endings become \\n', () => {
    expect(normalizeText('甲\r\n乙\r丙\u2028丁')).toBe('甲\n乙\n丙\n丁');
  });

  test('full-width digits, letters and dots after digits become ASCII; brackets become full-width', () => {
    expect(normalizeText('１．加强（一）(二)ＡＢ２０２４年')).toBe('1.加强（一）（二）AB2024年');
  });

  test('conversion artefacts, BOM and zero-width characters disappear', () => {
    expect(normalizeText('\uFEFF[bookmark: _GoBack]严格落实\u200B制度')).toBe('严格落实制度');
  });

  test('indentation with U+3000, trailing blanks and repeated blank lines go', () => {
    expect(normalizeText('\n\n\u3000\u3000一、标题    \n\n\n\n\u3000\u3000正文\t \n\n')).toBe(
      '一、标题\n\n正文',
    );
  });

  test('page footers of printed documents go', () => {
    expect(normalizeText('甲\n- 3 -\n乙\n第2页 共8页\n丙')).toBe('甲\n乙\n丙');
  });

  test('is idempotent', () => {
    const once = normalizeText('\u3000（１）\r\n\r\n\r\n[bookmark: x]乙 ');
    expect(normalizeText(once)).toBe(once);
  });

  test('a table row keeps one tab per cell boundary, empty cells included; other tabs are blanks', () => {
    expect(normalizeText('1 \t 执法力量薄弱\t\t党政办 \t\n标题\t正文')).toBe(
      '1\t执法力量薄弱\t\t党政办\n标题 正文',
    );
    expect(normalizeText('\t\t问题\t措施\t单位')).toBe('\t\t问题\t措施\t单位');
  });

  test('⑴ ⑵ become （1） （2）', () => {
    expect(normalizeText('⑴加强学习；⒇规范执法')).toBe('（1）加强学习；（20）规范执法');
  });

  describe('lines broken at the page width (text copied out of a PDF)', () => {
    const width = 12;
    /** Breaks each paragraph every `width` characters and indents its first line, as a PDF copy does. */
    const wrap = (paragraphs: string[], indent = '\u3000\u3000') =>
      paragraphs
        .flatMap((paragraph) => {
          const indented = paragraph.startsWith('一、') ? paragraph : `${indent}${paragraph}`;
          const lines: string[] = [];
          for (let i = 0; i < indented.length; i += width) lines.push(indented.slice(i, i + width));
          return lines;
        })
        .join('\n');
    const paragraphs = [
      '一、存在的问题',
      '一是基层法治工作力量还比较薄弱，司法所仅有工作人员2名，难以承担日益繁重的法治建设任务。',
      '二是部分执法人员业务能力不足，执法文书制作不够规范，案卷评查中发现问题12个，整改还不彻底。',
      '三是普法宣传的针对性和实效性不强，宣传形式比较单一，群众参与度不高，覆盖面仍然偏窄。',
    ];

    test('are joined back into their paragraphs; a page footer between two lines of one paragraph goes', () => {
      const wrapped = wrap(paragraphs).replace(/^(.{12}\n)/m, '$1\n— 2 —\n\n');
      expect(wrapped).toContain('— 2 —');
      expect(normalizeText(wrapped)).toBe(paragraphs.join('\n'));
    });

    test('a line of another width, a numbered line and a blank line still start a paragraph', () => {
      const wrapped = `${wrap(paragraphs)}\n1.短句\n\n${'甲'.repeat(width)}\n乙`;
      expect(normalizeText(wrapped).split('\n').slice(-3)).toEqual(['1.短句', '', `${'甲'.repeat(width)}乙`]);
    });

    test('text whose lines are paragraphs, or that has no indented lines, is left as it is', () => {
      const unwrapped = paragraphs.map((p) => `\u3000\u3000${p}`).join('\n');
      expect(normalizeText(unwrapped)).toBe(paragraphs.join('\n'));
      // As many lines at one width as the wrapped text has, but no paragraph is marked by an indent.
      const flush = wrap(paragraphs, '');
      expect(flush.split('\n').filter((line) => line.length === width).length).toBeGreaterThanOrEqual(8);
      expect(normalizeText(flush)).toBe(flush);
      expect(normalizeText(normalizeText(wrap(paragraphs)))).toBe(normalizeText(wrap(paragraphs)));
    });
  });
});
