import { DEFAULT_ORGANIZATION_SETTINGS } from '../../../src/identity/organization-settings';
import { suggestDeadline, suggestProblemLinks } from '../../../src/reports/review-suggestions';

const settings = { ...DEFAULT_ORGANIZATION_SETTINGS, defaultDeadline: '06-30' };

describe('suggestDeadline', () => {
  it('keeps a reported day that is today or later', () => {
    expect(suggestDeadline('2026-12-05', 2026, settings, '2026-12-05')).toEqual({
      suggestedDeadline: '2026-12-05',
      suggestedDeadlinePast: false,
    });
  });

  it('flags a past day and offers the default day’s next occurrence', () => {
    expect(suggestDeadline('2025-12-31', 2025, settings, '2026-12-05')).toEqual({
      suggestedDeadline: '2027-06-30',
      suggestedDeadlinePast: true,
    });
  });

  it('fills a missing day with the default of the plan year, or of this year without one, unflagged', () => {
    expect(suggestDeadline(null, 2027, settings, '2026-12-05')).toEqual({
      suggestedDeadline: '2027-06-30',
      suggestedDeadlinePast: false,
    });
    expect(suggestDeadline(null, null, settings, '2026-03-01').suggestedDeadline).toBe('2026-06-30');
  });
});

describe('suggestProblemLinks', () => {
  it('pairs measures with problems of the same report and leaves other kinds out', () => {
    const items = [
      { id: 'p1', kind: 'problem', title: '执法人员业务水平有待提高', text: '' },
      { id: 'c1', kind: 'cause', title: '学习不够', text: '' },
      { id: 'm1', kind: 'measure', title: '加强执法人员业务培训', text: '' },
    ];
    expect([...suggestProblemLinks(items)]).toEqual([['m1', 'p1']]);
  });
});
