import {
  DEFAULT_ORGANIZATION_SETTINGS,
  defaultDeadlineFor,
  MONTH_DAY,
  resolveOrganizationSettings,
} from '../../../src/identity/organization-settings';

describe('organization settings', () => {
  it('fills what the administrator left unset with the defaults and drops keys the code no longer knows', () => {
    expect(resolveOrganizationSettings({ requireEvidenceForReview: true, gone: 1 } as never)).toEqual({
      ...DEFAULT_ORGANIZATION_SETTINGS,
      requireEvidenceForReview: true,
    });
  });

  it.each([
    ['a plan year still ahead', 2027, '12-31', '2026-12-05', '2027-12-31'],
    ['the default day of this plan year, not yet past', 2026, '12-31', '2026-12-05', '2026-12-31'],
    ['a past plan year: the day this year while ahead', 2025, '12-31', '2026-12-05', '2026-12-31'],
    ['a past plan year: next year once the day is past', 2025, '06-30', '2026-12-05', '2027-06-30'],
    ['today itself is not past', 2025, '12-05', '2026-12-05', '2026-12-05'],
  ])('suggests a deadline never in the past: %s', (_name, planYear, day, today, expected) => {
    const settings = { ...DEFAULT_ORGANIZATION_SETTINGS, defaultDeadline: day };
    expect(defaultDeadlineFor(planYear, settings, today)).toBe(expected);
  });

  it('accepts only month-days every year has', () => {
    for (const day of ['01-01', '02-28', '06-30', '12-31']) expect(day).toMatch(MONTH_DAY);
    for (const day of ['02-29', '02-30', '04-31', '13-01', '00-10', '12-1', '2026-12-31'])
      expect(day).not.toMatch(MONTH_DAY);
  });
});
