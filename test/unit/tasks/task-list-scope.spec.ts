import { isTallied, listScope } from '../../../src/tasks/task-list-scope';

describe('ledger list scopes and tallies', () => {
  const org = '00000000-0000-4000-8000-000000000001';
  const unit = '00000000-0000-4000-8000-000000000002';
  const person = '00000000-0000-4000-8000-000000000003';

  it('keys a filter by the narrowest scope it names: assignee, then unit, then leader, else the organization', () => {
    expect(listScope({ assigneeId: person, unitId: unit }, org)).toEqual({ scope: 'a', id: person });
    expect(listScope({ unitId: unit, leaderId: person, status: 'new' }, org)).toEqual({
      scope: 'u',
      id: unit,
    });
    expect(listScope({ leaderId: person }, org)).toEqual({ scope: 'l', id: person });
    expect(listScope({ status: 'new', q: '执法' }, org)).toEqual({ scope: 'o', id: org });
  });

  it('sums tallies only for filters over the tallied columns, whatever the page, size or sort', () => {
    expect(isTallied({ status: 'new', unitId: unit, open: 'true', year: 2025, page: 9, sort: 'title' })).toBe(
      true,
    );
    expect(isTallied({ pageSize: 50, q: '' })).toBe(true);
    for (const counted of [{ q: '执法' }, { overdue: 'false' }, { light: 'red' }, { itemType: 'long_term' }])
      expect(isTallied({ status: 'in_progress', ...counted })).toBe(false);
    expect(isTallied({ groupBy: 'unit' })).toBe(false);
  });
});
