import { DraftContext } from './draft-context';
import { itemGroups, itemParagraphs } from './draft-items';
import { paragraph, placeholder, Prose, subheading } from './draft-paragraphs';
import { fill, variants } from './draft-templates';
import { chineseDate, problemName } from './draft-text';
import { DraftCounts, DraftParagraph, PreviousProblem, ReportTask } from './draft-types';
import { isLate } from './draft-shortcomings';
import { isSameProblem } from '../parsing/similarity';
import { doneVariants, remainingWorkName, unfinishedReason } from './task-wording';

/** 主要举措和成效: the year in figures, last year's problems one paragraph each, then the work by category. */
export function achievementParagraphs(context: DraftContext, counts: DraftCounts): DraftParagraph[] {
  const { t } = context;
  const paragraphs: DraftParagraph[] = [];
  let ordinal = 1;
  const rectification = rectificationParagraphs(context);
  if (rectification.length)
    paragraphs.push(
      subheading('achievements:heading:rectification', ordinal++, fill(t, 'rectificationHeading')),
      ...rectification,
    );
  for (const group of itemGroups(context, 'achievements')) {
    const key = group.category?.key ?? 'unsorted';
    const heading = group.category?.label ?? fill(t, 'otherWorkHeading');
    paragraphs.push(
      subheading(`achievements:heading:${key}`, ordinal++, heading),
      ...itemParagraphs(context, `achievements:${key}`, group.items),
    );
  }
  const overview = overviewParagraph(context, counts);
  if (!paragraphs.length)
    return [
      ...(overview ? [overview] : []),
      placeholder('achievements:placeholder', fill(t, 'achievementsNothingRecorded')),
    ];
  return overview ? [overview, ...paragraphs] : paragraphs;
}

/** The counts sentence: what was planned, done (on time), awaiting 核验, overdue and still under way. */
function overviewParagraph(context: DraftContext, counts: DraftCounts): DraftParagraph | null {
  const { t, input } = context;
  if (!counts.planned) return null;
  const pending = context.tasks.filter((task) => {
    const state = context.state(task);
    return state.done && !state.verified;
  }).length;
  const rest = counts.planned - counts.completed - counts.overdue;
  const status = fill(t, 'overviewDone', {
    asOf: chineseDate(input.asOf),
    completed: counts.completed,
    pending: pending ? fill(t, 'overviewPending', { pending }) : '',
    onTime: counts.onTime,
    overdue: counts.overdue
      ? fill(t, 'overviewOverdue', { overdue: counts.overdue })
      : fill(t, 'overviewNoOverdue'),
    rest: rest ? fill(t, 'overviewRest', { rest }) : '',
  });
  const text = fill(t, 'overview', {
    year: input.year,
    we: context.we,
    previousYear: input.year - 1,
    planned: counts.planned,
    status,
  });
  return paragraph('achievements:overview', text, { taskIds: context.tasks.map((task) => task.id) });
}

function rectificationParagraphs(context: DraftContext): DraftParagraph[] {
  const paragraphs = context.input.previousProblems.flatMap((problem) => problemParagraphs(context, problem));
  // Rectification tasks no problem claims (causes, measures that answer no single problem) still get reported;
  // those late or carried over are told once, with their reason, under 存在的不足和原因.
  const unclaimed = context.tasks.filter(
    (task) => task.kind === 'rectification' && !context.claimed.has(task.id) && !isLate(context, task),
  );
  if (!unclaimed.length) return paragraphs;
  const prose = new Prose(fill(context.t, 'otherMeasuresLead'));
  writeMeasures(context, prose, unclaimed, false);
  return [...paragraphs, ...numbered(context, 'rectification:other', prose, [])];
}

/**
 * One paragraph per problem of last year's report: the problem named once (by a short topic when its title is
 * long), what its measures achieved, then what remains and why; a problem earlier reports named too is said to recur.
 */
function problemParagraphs(context: DraftContext, problem: PreviousProblem): DraftParagraph[] {
  const { t, input } = context;
  const tasks = context.problemTasks.get(problem.itemId) ?? [];
  const { name, isTopic } = problemName(problem.title, problem.topic);
  const prose = new Prose(fill(t, isTopic ? 'problemTopicLead' : 'problemLead', { problem: name }));
  if (tasks.length) writeMeasures(context, prose, tasks, true);
  else prose.clause(variants(t, 'problemNothingRecorded')).end();
  const previousYear = input.year - 1;
  const earlier = input.earlierYearsProblems.filter(
    (candidate) => candidate.reportYear < previousYear && isSameProblem(problem.title, candidate.title),
  );
  if (earlier.length) {
    const years = [...new Set([...earlier.map((match) => match.reportYear), previousYear])].sort().join('、');
    prose.sentence(variants(t, 'recurring', { years }));
  }
  const [first, ...rest] = numbered(context, `rectification:${problem.itemId}`, prose, [
    problem.itemId,
    ...earlier.map((match) => match.itemId),
  ]);
  return [earlier.length ? { ...first, recurring: true } : first, ...rest];
}

/**
 * What the tasks achieved (in the order they were done), then what remains: work under way grouped by deadline,
 * unfinished work grouped by its reason, unfinished work nobody gave a reason for behind one 待补充 note.
 * `problemNamed`: the paragraph already named the problem, so a task that is the problem itself is not named again.
 */
function writeMeasures(
  context: DraftContext,
  prose: Prose,
  tasks: ReportTask[],
  problemNamed: boolean,
): void {
  const { t } = context;
  const names = (group: ReportTask[]) =>
    group.map((task) => remainingWorkName(context, task, problemNamed)).join('、');
  const done = tasks
    .filter((task) => context.state(task).done)
    .sort((a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? '') || a.id.localeCompare(b.id));
  for (const task of done) prose.clause(doneVariants(context, task, problemNamed), '；', [task.id]);
  prose.end();
  const open = tasks.filter((task) => !context.state(task).done);
  const late = open.filter((task) => isLate(context, task));
  const lateIds = new Set(ids(late));
  for (const [deadline, group] of groupBy(
    open.filter((task) => !lateIds.has(task.id)),
    (task) => task.deadline ?? '',
  )) {
    const whens = deadline ? variants(t, 'remainWhen', { deadline: chineseDate(deadline) }) : [''];
    prose.clause(
      variants(t, 'remainOnSchedule', (index) => ({
        title: names(group),
        when: whens[index % whens.length],
      })),
    );
  }
  for (const [reason, group] of groupBy(late, (task) => unfinishedReason(context, task)))
    prose.clause(variants(t, 'remainOverdue', { title: names(group), reason }), '；', ids(group));
  prose.end();
}

/**
 * The paragraphs the prose came to, each naming the tasks it reports: one as a rule; continuations, needed only to
 * avoid a repeat or an endless sentence, get :2, :3… The first keeps `itemIds` (the problem and earlier reports).
 */
function numbered(context: DraftContext, id: string, prose: Prose, itemIds: string[]): DraftParagraph[] {
  return prose.pieces().map((piece, index) =>
    paragraph(index === 0 ? id : `${id}:${index + 1}`, piece.text, {
      taskIds: piece.ids,
      itemIds: [
        ...(index === 0 ? itemIds : []),
        ...piece.ids.flatMap((taskId) => context.byId.get(taskId)?.reportItemId ?? []),
      ],
    }),
  );
}

function groupBy<T>(values: T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

function ids(tasks: ReportTask[]): string[] {
  return tasks.map((task) => task.id);
}
