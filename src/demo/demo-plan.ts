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

/** 工作纪实 of the demo year (month-day, category key, text with figures): what fills the draft beyond the tasks. */
export const DEMO_WORKLOG: ReadonlyArray<{ day: string; category: string; text: string }> = [
  {
    day: '01-18',
    category: 'leadership',
    text: '镇党委书记主持召开法治政府建设专题会议2次，研究部署年度重点工作',
  },
  { day: '02-26', category: 'functions', text: '动态调整镇级权责清单，公布行政权力事项118项' },
  { day: '03-15', category: 'publicity', text: '开展“法律进乡村”宣讲16场，覆盖群众2100余人' },
  { day: '04-10', category: 'decisions', text: '对6项重大行政决策开展合法性审查，法律顾问全程参与' },
  { day: '05-20', category: 'enforcement', text: '开展违法占地专项巡查52次，依法办理行政处罚案件9起' },
  { day: '06-12', category: 'disputes', text: '排查化解矛盾纠纷64起，调解成功率达95%' },
  { day: '07-08', category: 'oversight', text: '在政务公开栏和网站公开财政预决算等信息47条' },
  { day: '08-22', category: 'institutions', text: '清理镇级规范性文件9件，废止1件、修订2件' },
  { day: '09-16', category: 'leadership', text: '镇长在县委全面依法治县委员会会议上述法，接受评议' },
  { day: '10-28', category: 'publicity', text: '培育农村学法用法示范户40户、法律明白人骨干56名' },
];
