import { fill } from './draft-templates';
import { clause, problemName, saysOngoing, selfReference, shortNameOf } from './draft-text';
import {
  DraftCategory,
  DraftTemplates,
  EarlierProblem,
  LeaderPlan,
  NewProblem,
  PreviousProblem,
  ReportEntry,
  ReportTask,
} from './draft-types';
import { TaskState, taskStateAt } from './task-state';

export interface BuildDraftInput {
  /** The organization's full name: the title and the 落款. */
  organizationName: string;
  /** The year the report is on; its tasks are those planned for it. */
  year: number;
  /** The date the draft is as of (YYYY-MM-DD): what was done by then counts. */
  asOf: string;
  /** 成文日期 (YYYY-MM-DD). */
  issuedOn: string;
  /** 主送机关 line; null takes the template's. */
  addressee: string | null;
  /** Tasks planned for `year`; cancelled ones are left out. */
  tasks: ReportTask[];
  /** Problems of the report on `year - 1`, each with the measure items that answer it. */
  previousProblems: PreviousProblem[];
  earlierYearsProblems: EarlierProblem[];
  /** 工作纪实 entries of `year` a leader put into the report. */
  entries: ReportEntry[];
  /** Problems found during the year and recorded as tasks (the log's own problems come with `entries`). */
  newProblems: NewProblem[];
  leaderPlans: LeaderPlan[];
  /** The organization's categories in report order, with the keywords that place a plan task. */
  categories: DraftCategory[];
  templates: DraftTemplates;
}

/** What every part of the draft needs, worked out once. */
export interface DraftContext {
  input: BuildDraftInput;
  t: DraftTemplates;
  /** Not cancelled, in a fixed order (by id), so the same input always gives the same draft. */
  tasks: ReportTask[];
  byId: Map<string, ReportTask>;
  /** Where each task stood at `asOf`, in the order of `tasks`. */
  states: TaskState[];
  /** In date order (then id), whatever order they came in. */
  entries: ReportEntry[];
  newProblems: NewProblem[];
  state: (task: ReportTask) => TaskState;
  shortName: string;
  /** 我镇, 我县…: how the report says "we". */
  we: string;
  /** Task ids each previous problem's paragraph reports, by problem item id. */
  problemTasks: Map<string, ReportTask[]>;
  /** Tasks a previous problem's paragraph already reports. */
  claimed: Set<string>;
  categoryOf: (task: ReportTask) => DraftCategory | null;
}

export function createContext(input: BuildDraftInput): DraftContext {
  const tasks = input.tasks
    .filter((task) => task.status !== 'cancelled')
    .sort((a, b) => a.id.localeCompare(b.id));
  const states = tasks.map((task) => taskStateAt(task, input.asOf));
  const stateOf = new Map(tasks.map((task, index) => [task.id, states[index]]));
  const byItem = new Map(tasks.filter((task) => task.reportItemId).map((task) => [task.reportItemId!, task]));
  const problemTasks = new Map(
    input.previousProblems.map((problem) => [
      problem.itemId,
      [problem.itemId, ...problem.measureItemIds].flatMap((itemId) => byItem.get(itemId) ?? []),
    ]),
  );
  const shortName = shortNameOf(input.organizationName);
  return {
    input,
    t: input.templates,
    tasks,
    byId: new Map(tasks.map((task) => [task.id, task])),
    states,
    entries: [...input.entries].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    newProblems: [...input.newProblems].sort(
      (a, b) => (a.foundOn ?? '').localeCompare(b.foundOn ?? '') || a.id.localeCompare(b.id),
    ),
    state: (task) => stateOf.get(task.id)!,
    shortName,
    we: selfReference(shortName),
    problemTasks,
    claimed: new Set([...problemTasks.values()].flat().map((task) => task.id)),
    categoryOf: categoryMatcher(input.categories),
  };
}

/** A task's own category, else the one whose keywords its title and outcome name most (the first on a tie). */
function categoryMatcher(categories: DraftCategory[]): (task: ReportTask) => DraftCategory | null {
  return (task) => {
    const own = categories.find((category) => category.key === task.category);
    if (own) return own;
    const text = `${task.title} ${task.outcome ?? ''}`;
    let best: { category: DraftCategory; hits: number } | null = null;
    for (const category of categories) {
      const hits = category.keywords.filter((keyword) => text.includes(keyword)).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { category, hits };
    }
    return best?.category ?? null;
  };
}

/** A task named as work: a measure or plan by its title, a problem as the rectification of that problem. */
export function workName(context: DraftContext, task: ReportTask): string {
  if (task.itemKind !== 'problem') return clause(task.title);
  return fill(context.t, 'problemWork', { problem: problemName(task.title).name });
}

/** The same work, as something to go on with next year. */
export function continuedWorkName(context: DraftContext, task: ReportTask): string {
  if (task.itemKind === 'problem')
    return fill(context.t, 'carriedProblem', { problem: problemName(task.title).name });
  const work = clause(task.title);
  return saysOngoing(work) ? work : fill(context.t, 'continueWork', { work });
}
