import { DraftTask, PreviousProblem, ReportTask } from './draft-types';

/**
 * A ledger row as draft-sources.repository.ts reads it today, as the builder's input. The ledger does not yet keep
 * the day work was done, the approval day, extensions or the year-end carry-over, so those stay empty here: the
 * closing date stands in for both days, the deadline for the original one, and nothing is carried over.
 * The progress note (`latestNote`) is never used: a reason for unfinished work comes from the carry-over only.
 */
export function fromLedgerRows(rows: DraftTask[], problems: PreviousProblem[]): ReportTask[] {
  const problemItems = new Set(problems.map((problem) => problem.itemId));
  return rows.map((row) => ({
    id: row.id,
    reportItemId: row.reportItemId,
    kind: row.kind,
    itemKind:
      row.kind === 'plan'
        ? 'plan'
        : row.reportItemId !== null && problemItems.has(row.reportItemId)
          ? 'problem'
          : 'measure',
    title: row.title,
    headingPath: row.headingPath,
    longTerm: row.longTerm,
    status: row.status,
    outcome: row.outcome,
    completedOn: row.completedOn,
    verifiedOn: row.status === 'completed' ? row.completedOn : null,
    deadline: row.deadline,
    originalDeadline: row.deadline,
    extensions: [],
    carryOver: null,
    category: null,
  }));
}

/** A draft is as of the earlier of today and 31 December of its year. */
export function defaultAsOf(year: number, today: string): string {
  const yearEnd = `${year}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

/**
 * The registered name of the organization, unless the report it signed with spells it out more fully
 * (张良镇 registered, 鲁山县张良镇人民政府 in the report).
 */
export function fullOrganizationName(registered: string | null, fromReport: string | null): string | null {
  if (registered && fromReport && fromReport.length > registered.length && fromReport.includes(registered))
    return fromReport;
  return registered ?? fromReport;
}
