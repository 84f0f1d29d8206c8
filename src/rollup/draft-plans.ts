import { continuedWorkName, DraftContext } from './draft-context';
import { levelTwo, paragraph, placeholder, subheading } from './draft-paragraphs';
import { fill } from './draft-templates';
import { chineseDate, clause } from './draft-text';
import { DraftParagraph, ReportTask } from './draft-types';

/**
 * 下一年度主要安排: the leader's own plans, （一）（二）…, then the work not done by `asOf`, phrased as work to go
 * on with and numbered 1. 2. … under one heading, each with its next step and deadline.
 */
export function planParagraphs(context: DraftContext): DraftParagraph[] {
  const { t, input } = context;
  let ordinal = 1;
  const paragraphs = input.leaderPlans.length
    ? input.leaderPlans.map((plan) =>
        paragraph(
          `plans:leader:${plan.id}`,
          `${levelTwo(ordinal++)}${fill(t, 'leaderPlan', { title: clause(plan.title), text: plan.text.trim() })}`,
        ),
      )
    : [placeholder('plans:placeholder', fill(t, 'plansPlaceholder', { nextYear: input.year + 1 }))];
  const open = context.tasks
    .filter((task) => !context.state(task).done)
    .sort((a, b) => dueOf(a).localeCompare(dueOf(b)) || a.id.localeCompare(b.id));
  if (!open.length) return paragraphs;
  return [
    ...paragraphs,
    subheading('plans:heading:carried', ordinal, fill(t, 'carriedHeading')),
    ...open.map((task, index) =>
      paragraph(
        `plans:${task.id}`,
        `${index + 1}.${fill(t, 'carriedWork', { work: continuedWorkName(context, task), detail: detailOf(context, task) })}`,
        { taskIds: [task.id], itemIds: task.reportItemId ? [task.reportItemId] : [] },
      ),
    ),
  ];
}

/** When the carried work is due: the carry-over's new deadline, else the deadline in force. */
function dueOf(task: ReportTask): string {
  return task.carryOver?.deadline ?? task.deadline ?? '9999-12-31';
}

function detailOf(context: DraftContext, task: ReportTask): string {
  const { t, input } = context;
  if (task.carryOver) {
    const deadline = chineseDate(task.carryOver.deadline);
    return task.carryOver.nextStep?.trim()
      ? fill(t, 'carriedNextStep', { nextStep: clause(task.carryOver.nextStep), deadline })
      : fill(t, 'carriedWhen', { deadline });
  }
  if (task.longTerm) return fill(t, 'carriedLongTerm');
  if (task.deadline && task.deadline >= input.asOf)
    return fill(t, 'carriedWhen', { deadline: chineseDate(task.deadline) });
  return fill(t, 'carriedMissing');
}
