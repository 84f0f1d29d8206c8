import { taskFilters } from '../../../src/tasks/task-filters';

const context = { organizationId: 'org', today: '2026-12-01', marginPercent: 10, timeZone: 'Asia/Shanghai' };

describe('ledger filters', () => {
  it('binds every value as a parameter, the organization always first', () => {
    const { where, params } = taskFilters({ status: 'assigned', unitId: 'u', q: "50%_整改'" }, context);
    expect(params).toEqual(['org', 'assigned', 'u', "%50\\%\\_整改'%"]);
    expect(where).toBe(
      't.organization_id = $1 AND t.status = $2 AND t.unit_id = $3 AND t.search_text ILIKE $4',
    );
  });

  it('reduces "not overdue" of an open status to one range on the due key', () => {
    const { where, params } = taskFilters({ status: 'in_progress', overdue: 'false' }, context);
    expect(where).toBe(
      "t.organization_id = $1 AND t.status = $2 AND COALESCE(t.deadline, 'infinity'::date) >= $3::date",
    );
    expect(params).toEqual(['org', 'in_progress', '2026-12-01']);
    expect(taskFilters({ status: 'new', overdue: 'true' }, context).where).toContain(
      "COALESCE(t.deadline, 'infinity'::date) < $3::date",
    );
  });

  it('knows a closed status is never overdue', () => {
    expect(taskFilters({ status: 'completed', overdue: 'false' }, context)).toEqual({
      where: 't.organization_id = $1 AND t.status = $2',
      params: ['org', 'completed'],
    });
    expect(taskFilters({ status: 'cancelled', overdue: 'true' }, context)).toEqual({
      where: 't.organization_id = $1 AND t.status = $2 AND false',
      params: ['org', 'cancelled'],
    });
  });

  it('tests openness itself when no status is given', () => {
    expect(taskFilters({ overdue: 'true' }, context).where).toBe(
      "t.organization_id = $1 AND t.status NOT IN ('completed','cancelled') AND COALESCE(t.deadline, 'infinity'::date) < $2::date",
    );
    expect(taskFilters({ overdue: 'false' }, context).where).toBe(
      "t.organization_id = $1 AND (t.status IN ('completed','cancelled') OR COALESCE(t.deadline, 'infinity'::date) >= $2::date)",
    );
  });

  it('filters by light through the same SQL that computes it, with today as a parameter', () => {
    const { where, params } = taskFilters({ light: 'green' }, context);
    expect(params).toEqual(['org', '2026-12-01', 'green']);
    expect(where).toMatch(
      /^t\.organization_id = \$1 AND t\.status NOT IN \('completed','cancelled'\) AND \(CASE WHEN .*\$2::date.* END\) = \$3$/s,
    );
  });

  it('narrows red and yellow to the due ranges they imply, so an index can serve them', () => {
    const red = taskFilters({ light: 'red' }, context);
    expect(red.where).toMatch(
      /^t\.organization_id = \$1 AND t\.status NOT IN \('completed','cancelled'\) AND COALESCE\(t\.deadline, 'infinity'::date\) < \$2::date AND \(CASE /,
    );
    expect(red.params).toEqual(['org', '2026-12-01', '2026-12-01', 'red']);
    expect(taskFilters({ light: 'yellow' }, context).where).toContain(
      "t.status NOT IN ('completed','cancelled') AND COALESCE(t.deadline, 'infinity'::date) >= $2::date AND (CASE",
    );
    expect(taskFilters({ light: 'yellow', status: 'assigned' }, context).where).toContain(
      "AND COALESCE(t.deadline, 'infinity'::date) >= $3::date AND (CASE",
    );
    expect(taskFilters({ light: 'yellow', status: 'completed' }, context).where).toMatch(
      / AND false AND \(CASE /,
    );
  });

  it('narrows gray to closed tasks and green to open ones, or to nothing when the status contradicts the light', () => {
    expect(taskFilters({ light: 'gray' }, context).where).toMatch(
      /^t\.organization_id = \$1 AND t\.status IN \('completed','cancelled'\) AND \(CASE /,
    );
    expect(taskFilters({ light: 'green' }, context).where).toMatch(
      /^t\.organization_id = \$1 AND t\.status NOT IN \('completed','cancelled'\) AND \(CASE /,
    );
    expect(taskFilters({ light: 'gray', status: 'completed' }, context).where).toMatch(
      /^t\.organization_id = \$1 AND t\.status = \$2 AND \(CASE /,
    );
    expect(taskFilters({ light: 'gray', status: 'in_progress' }, context).where).toMatch(
      / AND false AND \(CASE /,
    );
    expect(taskFilters({ light: 'green', status: 'cancelled' }, context).where).toMatch(
      / AND false AND \(CASE /,
    );
  });

  it('filters item types by the report item kinds they gather, and 长期坚持 by its flag', () => {
    expect(taskFilters({ itemType: 'problem' }, context)).toEqual({
      where: 't.organization_id = $1 AND NOT t.long_term AND t.item_kind = ANY($2::text[])',
      params: ['org', ['problem', 'cause']],
    });
    expect(taskFilters({ itemType: 'long_term', status: 'assigned' }, context)).toEqual({
      where: 't.organization_id = $1 AND t.status = $2 AND t.long_term',
      params: ['org', 'assigned'],
    });
  });

  it('keeps open or closed tasks, settled by the status filter when one is given', () => {
    expect(taskFilters({ open: 'true' }, context).where).toBe(
      "t.organization_id = $1 AND t.status NOT IN ('completed','cancelled')",
    );
    expect(taskFilters({ open: 'false', assigneeId: 'u' }, context).where).toBe(
      "t.organization_id = $1 AND t.assignee_id = $2 AND t.status IN ('completed','cancelled')",
    );
    expect(taskFilters({ open: 'true', status: 'assigned' }, context).where).toBe(
      't.organization_id = $1 AND t.status = $2',
    );
    expect(taskFilters({ open: 'true', status: 'completed' }, context).where).toBe(
      't.organization_id = $1 AND t.status = $2 AND false',
    );
  });
});
