import { checkDraftCompleteness } from './completeness';
import { fillTemplate as fill } from './draft-templates';
import {
  Draft,
  DraftCounts,
  DraftParagraph,
  DraftSection,
  DraftTask,
  DraftTemplates,
  EarlierProblem,
  PreviousProblem,
} from './draft-types';
import { isSameProblem } from './similarity';

export interface BuildDraftInput {
  organizationName: string;
  year: number;
  /** Tasks planned for `year`: the previous report's rectification tasks and its plan tasks. */
  tasks: DraftTask[];
  previousProblems: PreviousProblem[];
  earlierYearsProblems: EarlierProblem[];
  templates: DraftTemplates;
  /** Today as YYYY-MM-DD in TIME_ZONE; decides what is overdue. */
  asOf: string;
}

const CHINESE_ORDINALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
];

/** Builds the draft deterministically: the same input always gives the same draft, every sentence from a template. */
export function buildDraft(input: BuildDraftInput): Draft {
  const { templates: t, year } = input;
  const tasks = input.tasks
    .filter((task) => task.status !== 'cancelled')
    .sort((a, b) => a.id.localeCompare(b.id));
  const context = { ...input, tasks };
  const counts = countTasks(tasks, input.asOf);
  const sections: DraftSection[] = [
    section('achievements', t, achievementParagraphs(context, counts)),
    section('shortcomings', t, shortcomingParagraphs(context)),
    section('leadership', t, [placeholder('leadership:placeholder', t.leadershipPlaceholder)]),
    section('plans', t, carryOverParagraphs(context)),
    section('other', t, [placeholder('other:placeholder', t.otherPlaceholder)]),
  ];
  return {
    year,
    title: fill(t.title, { organizationName: input.organizationName, year }),
    sections,
    counts,
    sources: tasks.map((task) => ({ taskId: task.id, itemId: task.reportItemId, title: task.title })),
    completeness: checkDraftCompleteness(sections),
  };
}

function section(key: DraftSection['key'], t: DraftTemplates, paragraphs: DraftParagraph[]): DraftSection {
  return { key, heading: t.headings[key], paragraphs };
}

function placeholder(id: string, text: string): DraftParagraph {
  return { id, style: 'body', text, sourceTaskIds: [], sourceItemIds: [], placeholder: true };
}

function body(id: string, text: string, taskList: DraftTask[], itemIds: string[] = []): DraftParagraph {
  const sourceItemIds = [
    ...new Set([...itemIds, ...taskList.flatMap((task) => (task.reportItemId ? [task.reportItemId] : []))]),
  ];
  return { id, style: 'body', text, sourceTaskIds: taskList.map((task) => task.id), sourceItemIds };
}

function subheading(id: string, ordinal: number, text: string, taskList: DraftTask[]): DraftParagraph {
  return {
    ...body(id, `（${CHINESE_ORDINALS[ordinal] ?? ordinal + 1}）${text}`, taskList),
    style: 'subheading',
  };
}

export function countTasks(tasks: DraftTask[], asOf: string): DraftCounts {
  const completed = tasks.filter((task) => task.status === 'completed');
  return {
    planned: tasks.length,
    completed: completed.length,
    onTime: completed.filter(
      (task) => !task.deadline || (task.completedOn !== null && task.completedOn <= task.deadline),
    ).length,
    overdue: tasks.filter((task) => isOverdue(task, asOf)).length,
  };
}

function isOverdue(task: DraftTask, asOf: string): boolean {
  return task.status !== 'completed' && task.deadline !== null && task.deadline < asOf;
}

/** Outcome texts end their own sentences; templates add punctuation, so trailing stops are dropped. */
function clause(text: string): string {
  return text.trim().replace(/[。；;，,.\s]+$/u, '');
}

function reasonOf(task: DraftTask, t: DraftTemplates): string {
  return task.latestNote?.trim() ? clause(task.latestNote) : t.noProgressReason;
}

function achievementParagraphs(context: BuildDraftInput, counts: DraftCounts): DraftParagraph[] {
  const { templates: t, tasks } = context;
  const paragraphs = [body('achievements:counts', fill(t.counts, { year: context.year, ...counts }), tasks)];
  let ordinal = 0;
  const rectification = rectificationParagraphs(context);
  if (rectification.length) {
    paragraphs.push(
      subheading('achievements:rectification', ordinal++, t.rectificationHeading, []),
      ...rectification,
    );
  }
  for (const [heading, group] of planGroups(
    tasks.filter((task) => task.kind === 'plan' && task.status === 'completed'),
  )) {
    paragraphs.push(subheading(`achievements:heading:${heading}`, ordinal++, heading, group));
    for (const task of group) {
      const text = task.outcome?.trim()
        ? fill(t.achievement, { title: clause(task.title), outcome: task.outcome.trim() })
        : fill(t.achievementWithoutOutcome, { title: clause(task.title) });
      paragraphs.push(body(`achievements:${task.id}`, text, [task]));
    }
  }
  return paragraphs;
}

/** A plan point is usually its own heading; deeper items sit under the innermost heading below the section's. */
function planGroups(tasks: DraftTask[]): Map<string, DraftTask[]> {
  const groups = new Map<string, DraftTask[]>();
  for (const task of tasks) {
    const heading =
      task.headingPath.length > 1 ? task.headingPath[task.headingPath.length - 1] : clause(task.title);
    groups.set(heading, [...(groups.get(heading) ?? []), task]);
  }
  return groups;
}

function rectificationParagraphs(context: BuildDraftInput): DraftParagraph[] {
  const { templates: t, tasks, asOf } = context;
  const perProblem = context.previousProblems.map((problem) => {
    const measureTasks = tasks.filter(
      (task) => task.reportItemId !== null && problem.measureItemIds.includes(task.reportItemId),
    );
    const ownTasks = tasks.filter((task) => task.reportItemId === problem.itemId);
    const all = [...ownTasks, ...measureTasks];
    const id = `rectification:${problem.itemId}`;
    if (!all.length)
      return body(
        id,
        fill(t.rectificationNoMeasures, { problem: clause(problem.title) }),
        [],
        [problem.itemId],
      );
    const measures = all.map((task) => measureClause(task, t, asOf)).join(t.measureSeparator);
    return body(id, fill(t.rectificationProblem, { problem: clause(problem.title), measures }), all, [
      problem.itemId,
    ]);
  });
  // Rectification tasks no problem claims (causes, measures that answer no single problem) still get reported.
  const claimed = new Set(perProblem.flatMap((paragraph) => paragraph.sourceTaskIds));
  const unclaimed = tasks.filter((task) => task.kind === 'rectification' && !claimed.has(task.id));
  if (!unclaimed.length) return perProblem;
  const measures = unclaimed.map((task) => measureClause(task, t, asOf)).join(t.measureSeparator);
  return [
    ...perProblem,
    body('rectification:other', fill(t.rectificationOtherMeasures, { measures }), unclaimed),
  ];
}

function measureClause(task: DraftTask, t: DraftTemplates, asOf: string): string {
  const title = clause(task.title);
  if (task.status === 'completed') {
    return task.outcome?.trim()
      ? fill(t.measureCompleted, { title, outcome: clause(task.outcome) })
      : fill(t.measureCompletedWithoutOutcome, { title });
  }
  return isOverdue(task, asOf)
    ? fill(t.measureUnfinished, { title, reason: reasonOf(task, t) })
    : fill(t.measureOnSchedule, { title });
}

function shortcomingParagraphs(context: BuildDraftInput): DraftParagraph[] {
  const { templates: t, tasks, asOf } = context;
  const unfinished = tasks
    .filter((task) => task.status !== 'completed')
    .map((task) => {
      const title = clause(task.title);
      const text = isOverdue(task, asOf)
        ? fill(t.shortcomingOverdue, { title, deadline: task.deadline!, reason: reasonOf(task, t) })
        : fill(t.shortcomingOnSchedule, { title });
      return body(`shortcomings:${task.id}`, text, [task]);
    });
  return [...unfinished, ...recurringParagraphs(context)];
}

/** A previous-year problem that also appears in an earlier yearly report is flagged as recurring. */
function recurringParagraphs(context: BuildDraftInput): DraftParagraph[] {
  const previousYear = context.year - 1;
  return context.previousProblems.flatMap((problem) => {
    const matches = context.earlierYearsProblems.filter(
      (earlier) => earlier.reportYear < previousYear && isSameProblem(problem.title, earlier.title),
    );
    if (!matches.length) return [];
    const years = [...new Set([...matches.map((match) => match.reportYear), previousYear])].sort().join('、');
    const text = fill(context.templates.recurring, { problem: clause(problem.title), years });
    const paragraph = body(
      `recurring:${problem.itemId}`,
      text,
      [],
      [problem.itemId, ...matches.map((match) => match.itemId)],
    );
    return [{ ...paragraph, recurring: true }];
  });
}

function carryOverParagraphs(context: BuildDraftInput): DraftParagraph[] {
  const nextYear = context.year + 1;
  return context.tasks
    .filter((task) => task.status !== 'completed')
    .map((task) =>
      body(`plans:${task.id}`, fill(context.templates.carryOver, { title: clause(task.title), nextYear }), [
        task,
      ]),
    );
}
