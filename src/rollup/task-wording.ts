import { DraftContext, workName } from './draft-context';
import { variants } from './draft-templates';
import { chineseDate, clause, problemName } from './draft-text';
import { ReportTask } from './draft-types';

/**
 * The ways to say what a done task achieved, best first: its work and its outcome, or the outcome alone (when the
 * outcome repeats the title, or the task is the problem its paragraph already named); then how it stood against
 * its deadline.
 */
export function doneVariants(context: DraftContext, task: ReportTask, problemNamed = false): string[] {
  const { t } = context;
  const state = context.state(task);
  if (!state.done) throw new Error(`任务 ${task.id} 在 ${context.input.asOf} 尚未完成`);
  const title = clause(task.title);
  const outcome = task.outcome?.trim() ? clause(task.outcome) : null;
  const problem = problemName(task.title).name;
  const bases =
    task.itemKind === 'problem' && problemNamed
      ? outcome
        ? variants(t, 'outcomeOnly', { outcome })
        : variants(t, 'problemRectified')
      : task.itemKind === 'problem'
        ? outcome
          ? variants(t, 'measureDone', { title: workName(context, task), outcome })
          : variants(t, 'namedProblemRectified', { problem })
        : outcome
          ? [...variants(t, 'measureDone', { title, outcome }), ...variants(t, 'outcomeOnly', { outcome })]
          : variants(t, 'doneWithoutOutcome', { title });
  const suffixes = [
    state.extension
      ? variants(t, 'extendedOnTime', { deadline: chineseDate(state.extension.deadline) })
      : null,
    !state.onTime && task.completedOn
      ? variants(t, 'doneLate', { completedOn: chineseDate(task.completedOn) })
      : null,
    state.verified ? null : variants(t, 'awaitingReview'),
  ].filter((suffix): suffix is string[] => suffix !== null);
  return bases.flatMap((base) => combine(suffixes).map((suffix) => base + suffix));
}

/** Every pairing of the suffixes' variants, walking them in step so the first pairing uses every first variant. */
function combine(suffixes: string[][]): string[] {
  if (!suffixes.length) return [''];
  const longest = Math.max(...suffixes.map((list) => list.length));
  return Array.from({ length: longest }, (_unused, index) =>
    suffixes.map((list) => list[Math.min(index, list.length - 1)]).join(''),
  );
}

/** The reason a task is unfinished: the leader's 未完成原因 from the year-end carry-over, never a progress note. */
export function unfinishedReason(context: DraftContext, task: ReportTask): string {
  return task.carryOver?.reason.trim()
    ? clause(task.carryOver.reason)
    : variants(context.t, 'reasonMissing')[0];
}

/** How remaining work is named; inside its problem's own paragraph the problem is already named. */
export function remainingWorkName(context: DraftContext, task: ReportTask, problemNamed: boolean): string {
  return task.itemKind === 'problem' && problemNamed
    ? variants(context.t, 'rectificationWork')[0]
    : workName(context, task);
}
