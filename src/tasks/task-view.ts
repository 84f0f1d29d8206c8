import { ITEM_TYPE_LABELS, itemTypeOf } from './item-type';
import { CLOSED_STATUSES, TASK_STATUS_LABELS, TaskStatus } from './task-status';
import { TRAFFIC_LIGHT_LABELS, trafficLight } from './traffic-light';

/**
 * Columns of a task as the API shows it. Dates are YYYY-MM-DD text (never JS Dates shifted by time zone);
 * timestamps are ISO 8601 UTC text formatted by Postgres exactly as Date#toJSON would: parsing them into Dates
 * only to print them again was a tenth of a list request's CPU.
 */
export const taskColumns = (
  timeZone: string,
): string => `t.id, t.organization_id AS "organizationId", t.report_id AS "reportId", t.report_item_id AS "reportItemId",
  t.kind, t.item_kind AS "itemKind", t.title, t.source_text AS "sourceText", t.plan_year AS "planYear", t.heading_path AS "headingPath",
  t.leader_id AS "leaderId", t.unit_id AS "unitId", t.assignee_id AS "assigneeId", t.deadline::text AS deadline, t.status, t.progress,
  t.outcome, t.long_term AS "longTerm", t.evidence_interval AS "evidenceInterval", ${isoTimestamp('t.assigned_at')} AS "assignedAt",
  ${isoTimestamp('t.completed_at')} AS "completedAt", t.completed_on::text AS "completedOn",
  t.problem_task_id AS "problemTaskId", ${isoTimestamp('t.last_activity_at')} AS "lastActivityAt", t.version,
  ${isoTimestamp('t.created_at')} AS "createdAt", ${isoTimestamp('t.updated_at')} AS "updatedAt",
  (t.assigned_at AT TIME ZONE ${sqlLiteral(timeZone)})::date::text AS "assignedOn",
  i.start_offset AS "sourceStart", i.end_offset AS "sourceEnd",
  EXISTS (SELECT 1 FROM extension_requests e WHERE e.task_id = t.id AND e.status = 'pending') AS "extensionPending"`;

function isoTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** SQL for the light, mirroring trafficLight(): $today is a date parameter, margin a validated integer. */
export function lightSql(today: string, margin: number, timeZone: string): string {
  const assignedOn = `(t.assigned_at AT TIME ZONE ${sqlLiteral(timeZone)})::date`;
  const behind = `(NOT t.long_term AND t.assigned_at IS NOT NULL AND t.deadline > ${assignedOn} AND ${today} > ${assignedOn}
    AND t.progress < (${today} - ${assignedOn})::numeric * 100 / (t.deadline - ${assignedOn}) - ${Math.trunc(margin)})`;
  return `CASE WHEN t.status IN ('completed','cancelled') THEN 'gray' WHEN t.deadline IS NULL THEN 'green'
    WHEN t.deadline < ${today} THEN 'red' WHEN t.deadline - ${today} <= 7 OR ${behind} THEN 'yellow' ELSE 'green' END`;
}

export const TASK_FROM = `tasks t LEFT JOIN report_items i ON i.id = t.report_item_id`;

export interface TaskRow {
  id: string;
  organizationId: string;
  reportId: string | null;
  reportItemId: string | null;
  kind: string;
  itemKind: string | null;
  title: string;
  sourceText: string;
  planYear: number | null;
  headingPath: string[];
  leaderId: string | null;
  unitId: string | null;
  assigneeId: string | null;
  deadline: string | null;
  status: TaskStatus;
  progress: number;
  outcome: string | null;
  longTerm: boolean;
  evidenceInterval: string | null;
  assignedAt: string | null;
  completedAt: string | null;
  completedOn: string | null;
  problemTaskId: string | null;
  lastActivityAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  assignedOn: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
  extensionPending: boolean;
}

/**
 * A task as the API shows it: the row plus its three labels (status, item type, light: three separate vocabularies,
 * see GET /meta) and the derived light/overdue/daysLeft. A pending extension request is its own flag
 * (extensionPending), never a status. Built field by
 * field rather than by spreading the row, since lists present thousands of rows a second and spreads of
 * driver rows were the largest cost of a page.
 */
export function presentTask(row: TaskRow, today: string, marginPercent: number) {
  const closed = CLOSED_STATUSES.includes(row.status);
  // A long-term task is on schedule while its evidence is current: only its next due date matters.
  const { light, overdue, daysLeft } = trafficLight({
    today,
    deadline: row.deadline,
    assignedOn: row.longTerm ? null : row.assignedOn,
    progress: row.progress,
    closed,
    marginPercent,
  });
  const itemType = itemTypeOf(row);
  return {
    id: row.id,
    organizationId: row.organizationId,
    reportId: row.reportId,
    reportItemId: row.reportItemId,
    kind: row.kind,
    itemKind: row.itemKind,
    title: row.title,
    sourceText: row.sourceText,
    planYear: row.planYear,
    headingPath: row.headingPath,
    leaderId: row.leaderId,
    unitId: row.unitId,
    assigneeId: row.assigneeId,
    deadline: row.deadline,
    status: row.status,
    progress: row.progress,
    outcome: row.outcome,
    longTerm: row.longTerm,
    evidenceInterval: row.evidenceInterval,
    assignedAt: row.assignedAt,
    completedAt: row.completedAt,
    completedOn: row.completedOn,
    problemTaskId: row.problemTaskId,
    lastActivityAt: row.lastActivityAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sourceStart: row.sourceStart,
    sourceEnd: row.sourceEnd,
    extensionPending: row.extensionPending,
    statusLabel: TASK_STATUS_LABELS[row.status],
    itemType,
    itemTypeLabel: ITEM_TYPE_LABELS[itemType],
    light,
    overdue,
    daysLeft,
    lightLabel: TRAFFIC_LIGHT_LABELS[light],
    source: { reportId: row.reportId, start: row.sourceStart, end: row.sourceEnd },
  };
}

export const EVIDENCE_INTERVAL_MONTHS = { monthly: 1, quarterly: 3 } as const;
