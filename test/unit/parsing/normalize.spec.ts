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
    expect(normalizeText('\n\n\u3000\u3000一、标题    \n\n\n\n\u3000\u3000正文\t \n\n')).toBe('一、标题\n\n正文');
  });

  test('page footers of printed documents go', () => {
    expect(normalizeText('甲\n- 3 -\n乙\n第2页 共8页\n丙')).toBe('甲\n乙\n丙');
  });

  test('is idempotent', () => {
    const once = normalizeText('\u3000（１）\r\n\r\n\r\n[bookmark: x]乙 ');
    expect(normalizeText(once)).toBe(once);
  });
});
