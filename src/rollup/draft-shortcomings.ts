import { DraftContext, workName } from './draft-context';
import { levelTwo, paragraph, placeholder } from './draft-paragraphs';
import { fill } from './draft-templates';
import { chineseDate, clause } from './draft-text';
import { DraftParagraph, ReportTask } from './draft-types';
import { unfinishedReason } from './task-wording';

/**
 * 存在的不足和原因: unfinished work (overdue, or carried into next year) that no problem paragraph already
 * reports, each with its 未完成原因; then the problems found during the year, each with its cause.
 */
export function shortcomingParagraphs(context: DraftContext): DraftParagraph[] {
  const { t } = context;
  const paragraphs: DraftParagraph[] = [];
  let ordinal = 1;
  const unfinished = context.tasks
    .filter((task) => !context.claimed.has(task.id) && isLate(context, task))
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.id.localeCompare(b.id));
  unfinished.forEach((task, index) => {
    const text = unfinishedText(context, task);
    const lead = index === 0 ? `${levelTwo(ordinal++)}${fill(t, 'unfinishedHeading')}` : '';
    paragraphs.push(
      paragraph(`shortcomings:${task.id}`, lead + text, {
        taskIds: [task.id],
        itemIds: task.reportItemId ? [task.reportItemId] : [],
      }),
    );
  });
  const logged = context.entries
    .filter((entry) => entry.kind === 'problem')
    .map((entry) => ({ id: `shortcomings:entry:${entry.id}`, title: entry.text, cause: entry.cause, entry }));
  const tracked = context.newProblems.map((problem) => ({
    id: `shortcomings:problem:${problem.id}`,
    title: problem.title,
    cause: problem.cause,
    taskIds: problem.sourceTaskIds,
  }));
  for (const problem of [...logged, ...tracked]) {
    const cause = problem.cause?.trim()
      ? fill(t, 'newProblemCause', { cause: clause(problem.cause) })
      : fill(t, 'causeMissing');
    const text = `${levelTwo(ordinal++)}${fill(t, 'newProblem', { title: clause(problem.title), cause })}`;
    paragraphs.push(
      paragraph(problem.id, text, {
        taskIds: 'taskIds' in problem ? problem.taskIds : problem.entry.taskId ? [problem.entry.taskId] : [],
        entryIds: 'entry' in problem ? [problem.entry.id] : [],
      }),
    );
  }
  if (!paragraphs.length)
    return [placeholder('shortcomings:placeholder', fill(t, 'shortcomingsNothingRecorded'))];
  return [paragraph('shortcomings:intro', fill(t, 'shortcomingsIntro', { we: context.we })), ...paragraphs];
}

/** Not done by `asOf` and either past the deadline in force or carried into next year by the leader. */
export function isLate(context: DraftContext, task: ReportTask): boolean {
  const state = context.state(task);
  return !state.done && (state.overdue || task.carryOver !== null);
}

function unfinishedText(context: DraftContext, task: ReportTask): string {
  const { t } = context;
  const state = context.state(task);
  const when = !task.deadline
    ? ''
    : state.extension
      ? fill(t, 'unfinishedExtended', { deadline: chineseDate(task.deadline) })
      : fill(t, 'unfinishedDue', { deadline: chineseDate(task.deadline) });
  return fill(t, 'unfinishedItem', {
    work: workName(context, task),
    when,
    reason: unfinishedReason(context, task),
  });
}
