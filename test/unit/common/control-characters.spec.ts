import { fieldWithControlCharacters, hasControlCharacters } from '../../../src/common/control-characters';

describe('control characters at the edge', () => {
  test('NUL, BEL, ESC, DEL and C1 are refused everywhere; tab, line feed and CR only in running text', () => {
    for (const control of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085'])
      expect([control, hasControlCharacters(`a${control}b`, true)]).toEqual([control, true]);
    for (const whitespace of ['\t', '\n', '\r']) {
      expect(hasControlCharacters(`第一段${whitespace}第二段`, true)).toBe(false);
      expect(hasControlCharacters(`第一段${whitespace}第二段`)).toBe(true);
    }
    expect(hasControlCharacters('执法人员业务水平有待提高（2025年）', false)).toBe(false);
  });

  test('names the first offending field of a body, nested objects and arrays included', () => {
    expect(fieldWithControlCharacters({ note: '第一行\n第二行', title: '标题' })).toBeNull();
    expect(fieldWithControlCharacters({ note: 'ok', title: '标\n题' })).toBe('title');
    expect(fieldWithControlCharacters({ items: [{ itemId: 'x', title: 'a\u0000' }] })).toBe('items[0].title');
    expect(fieldWithControlCharacters({ keywords: ['普法', '调\u0000解'] })).toBe('keywords[1]');
    expect(fieldWithControlCharacters({ 'a\u0000': 1 })).toBe('"a\\u0000"');
    expect(fieldWithControlCharacters('abc\u0000', 'id')).toBe('id');
  });

  test('a body nested far deeper than the call stack allows is walked without overflowing', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(fieldWithControlCharacters(deep)).toMatch(/^(\[0\]){200000}$/);
  });
});
