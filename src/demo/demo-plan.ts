/**
 * How the demo spreads the imported report's items over states, relative to today, so the dashboard,
 * reminders, approval inbox and next year's draft all have something to show. Pure: easy to test.
 */
export type DemoFate =
  'completed' | 'pending_review' | 'behind_schedule' | 'overdue' | 'on_schedule' | 'unassigned';

export interface DemoAssignment {
  fate: DemoFate;
  /** Days from today to the deadline (negative: already past). */
  deadlineInDays: number;
  /** Days before today the task was assigned (drives 序时进度). */
  assignedDaysAgo: number;
  progress: number;
}

const PLAN: DemoAssignment[] = [
  { fate: 'completed', deadlineInDays: 20, assignedDaysAgo: 200, progress: 100 },
  { fate: 'overdue', deadlineInDays: -2, assignedDaysAgo: 150, progress: 60 },
  { fate: 'behind_schedule', deadlineInDays: 25, assignedDaysAgo: 120, progress: 20 },
  { fate: 'pending_review', deadlineInDays: 10, assignedDaysAgo: 180, progress: 100 },
  { fate: 'completed', deadlineInDays: 30, assignedDaysAgo: 210, progress: 100 },
  { fate: 'on_schedule', deadlineInDays: 7, assignedDaysAgo: 160, progress: 90 },
  { fate: 'completed', deadlineInDays: 15, assignedDaysAgo: 190, progress: 100 },
  { fate: 'on_schedule', deadlineInDays: 1, assignedDaysAgo: 100, progress: 95 },
  { fate: 'overdue', deadlineInDays: -20, assignedDaysAgo: 170, progress: 40 },
  { fate: 'pending_review', deadlineInDays: 3, assignedDaysAgo: 140, progress: 100 },
  { fate: 'unassigned', deadlineInDays: 60, assignedDaysAgo: 0, progress: 0 },
];

export function demoAssignmentFor(index: number): DemoAssignment {
  return PLAN[index % PLAN.length];
}

/** Outcome text for a finished demo task, written from its own title so the draft reads naturally. */
export function demoOutcome(title: string): string {
  return `围绕“${title}”，已制定专项方案并组织实施，相关制度已印发执行，资料已归档备查。`;
}
