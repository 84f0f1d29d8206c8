import { DomainError } from '../../../src/common/domain-error';
import { parseDraftFile, parseDraftYear } from '../../../src/rollup/rollup.service';

describe('parseDraftFile', () => {
  it.each([
    ['2025', { year: 2025, format: 'json' }],
    ['2025.docx', { year: 2025, format: 'docx' }],
    ['2025.md', { year: 2025, format: 'md' }],
  ])('reads %s', (file, expected) => {
    expect(parseDraftFile(file)).toEqual(expected);
  });

  it.each(['25', '2025.pdf', 'abcd', '2025.docx.md'])('rejects %s with INVALID_DRAFT_YEAR', (file) => {
    expect(() => parseDraftFile(file)).toThrow(
      expect.objectContaining({ code: 'INVALID_DRAFT_YEAR' }) as DomainError,
    );
  });

  it('accepts only a bare year where a year is expected', () => {
    expect(parseDraftYear('2025')).toBe(2025);
    expect(() => parseDraftYear('2025.docx')).toThrow(DomainError);
  });
});
