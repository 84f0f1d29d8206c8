import { codesOf } from '../common/closed-vocabulary';

/** What each light means, worded apart from every status so a list never reads "逾期 · 整改中 · 逾期". */
export const TRAFFIC_LIGHT_LABELS = { green: '正常', yellow: '临期或滞后', red: '逾期', gray: '已办结' };
export const TRAFFIC_LIGHTS = codesOf(TRAFFIC_LIGHT_LABELS);
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

/** The colour as offices name it (绿灯、黄灯…), for legends and printed ledgers. */
export const TRAFFIC_LIGHT_COLORS: Record<TrafficLight, string> = {
  green: '绿',
  yellow: '黄',
  red: '红',
  gray: '灰',
};

export interface LightInput {
  /** YYYY-MM-DD calendar dates in the configured time zone. */
  today: string;
  deadline: string | null;
  /** Calendar date the task was assigned (start of the schedule), or null. */
  assignedOn: string | null;
  progress: number;
  closed: boolean;
  /** Percentage points of progress a task may trail the elapsed share of time by. */
  marginPercent: number;
}

export interface LightResult {
  light: TrafficLight;
  overdue: boolean;
  daysLeft: number | null;
}

const DAY_MS = 86_400_000;
const YELLOW_WITHIN_DAYS = 7;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Township supervisors' lights: gray once closed (已销号 or 已撤销: nothing left to chase, and never overdue); red
 * when overdue; yellow when due within 7 days or behind 序时进度 (progress below the elapsed share of the
 * assignment→deadline span minus the margin); green otherwise, also while no deadline is set.
 * lightSql() in task-view.ts is the same rule in SQL.
 */
export function trafficLight(input: LightInput): LightResult {
  if (input.closed) return { light: 'gray', overdue: false, daysLeft: null };
  if (!input.deadline) return { light: 'green', overdue: false, daysLeft: null };
  const daysLeft = daysBetween(input.today, input.deadline);
  if (daysLeft < 0) return { light: 'red', overdue: true, daysLeft };
  if (daysLeft <= YELLOW_WITHIN_DAYS) return { light: 'yellow', overdue: false, daysLeft };
  if (input.assignedOn) {
    const span = daysBetween(input.assignedOn, input.deadline);
    const elapsed = daysBetween(input.assignedOn, input.today);
    if (span > 0 && elapsed > 0) {
      const expected = (elapsed / span) * 100;
      if (input.progress < expected - input.marginPercent)
        return { light: 'yellow', overdue: false, daysLeft };
    }
  }
  return { light: 'green', overdue: false, daysLeft };
}
