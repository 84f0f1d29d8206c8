export type TrafficLight = 'green' | 'yellow' | 'red';

export const TRAFFIC_LIGHT_LABELS: Record<TrafficLight, string> = {
  green: '序时推进',
  yellow: '滞后',
  red: '已逾期',
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
 * Township supervisors' lights: red when overdue; yellow when due within 7 days or behind 序时进度
 * (progress below the elapsed share of the assignment→deadline span minus the margin); green otherwise.
 * A closed task is never overdue.
 */
export function trafficLight(input: LightInput): LightResult {
  if (input.closed || !input.deadline)
    return {
      light: 'green',
      overdue: false,
      daysLeft: input.deadline && !input.closed ? daysBetween(input.today, input.deadline) : null,
    };
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
