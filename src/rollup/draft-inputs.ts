import { ApprovedExtension, DraftTask, ExtensionRecord, PreviousProblem, ReportTask } from './draft-types';

/**
 * Ledger rows as the builder's input, as they stood on `asOf`: extensions count once approved by then (the deadline
 * in force is the last of them, else the deadline the task had before any), approval counts from its day, and the
 * carry-over (年度结转) is the leader's decision for the year. A progress note is never a reason.
 */
export function fromLedgerRows(
  rows: DraftTask[],
  problems: PreviousProblem[],
  extensions: ExtensionRecord[] = [],
  asOf = '9999-12-31',
): ReportTask[] {
  const problemItems = new Set(problems.map((problem) => problem.itemId));
  const extensionsOf = new Map<string, ExtensionRecord[]>();
  for (const extension of extensions) {
    const list = extensionsOf.get(extension.taskId) ?? [];
    list.push(extension);
    extensionsOf.set(extension.taskId, list);
  }
  return rows.map((row) => {
    const all = extensionsOf.get(row.id) ?? [];
    const inForce: ApprovedExtension[] = all
      .filter((extension) => extension.approvedOn <= asOf)
      .map(({ deadline, reason, approvedOn }) => ({ deadline, reason, approvedOn }));
    // A carried task reads with the deadline it had before the carry-over, which already holds its extensions.
    const originalDeadline = all[0]?.fromDeadline ?? row.deadline;
    const deadline = row.carryOver ? row.deadline : (inForce.at(-1)?.deadline ?? originalDeadline);
    return {
      id: row.id,
      reportItemId: row.reportItemId,
      kind: row.kind,
      // A cause confirmed as a task is rectified like a problem (the ledger's item type says the same).
      itemKind:
        row.kind === 'plan'
          ? 'plan'
          : (row.reportItemId !== null && problemItems.has(row.reportItemId)) ||
              row.itemKind === 'problem' ||
              row.itemKind === 'cause'
            ? 'problem'
            : 'measure',
      title: row.title,
      headingPath: row.headingPath,
      longTerm: row.longTerm,
      status: row.status,
      outcome: row.outcome,
      completedOn: row.completedOn,
      verifiedOn: row.status === 'completed' ? (row.verifiedOn ?? row.completedOn) : null,
      deadline,
      originalDeadline,
      extensions: inForce,
      carryOver: row.carryOver,
      category: null,
    };
  });
}

/**
 * Which measure items answer which previous problem: a measure task linked to a problem task (problem_task_id)
 * answers that problem; the others keep the wording heuristic's links (`guessed`).
 */
export function problemLinks(
  guessed: Map<string, string[]>,
  rows: Pick<DraftTask, 'id' | 'reportItemId' | 'problemTaskId'>[],
): Map<string, string[]> {
  const itemOfTask = new Map(rows.map((row) => [row.id, row.reportItemId]));
  const explicit = rows.filter((row) => row.problemTaskId && row.reportItemId);
  if (!explicit.length) return guessed;
  const linkedItems = new Set(explicit.map((row) => row.reportItemId!));
  const links = new Map(
    [...guessed].map(([problem, measures]) => [problem, measures.filter((item) => !linkedItems.has(item))]),
  );
  for (const row of explicit) {
    const problemItem = itemOfTask.get(row.problemTaskId!);
    if (!problemItem || !links.has(problemItem)) continue;
    links.get(problemItem)!.push(row.reportItemId!);
  }
  return links;
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
