import { DraftContext } from './draft-context';
import { paragraph, Prose } from './draft-paragraphs';
import { fill } from './draft-templates';
import { clause } from './draft-text';
import { DraftCategory, DraftParagraph, ReportEntry, ReportTask } from './draft-types';
import { doneVariants } from './task-wording';

/** Something the report says was done on a day: a 工作纪实 entry, or a plan task done by then. */
interface Item {
  id: string;
  date: string;
  entry?: ReportEntry;
  task?: ReportTask;
}

export interface ItemGroup {
  /** null: done plan tasks no category claims, and entries of a category the organization no longer has. */
  category: DraftCategory | null;
  items: Item[];
}

/**
 * The work a part of the report is written from, by category in the organization's order: the entries of the
 * category and the plan tasks done by `asOf` that belong to it, each group in date order.
 */
export function itemGroups(context: DraftContext, part: DraftCategory['part']): ItemGroup[] {
  const { input } = context;
  const known = new Set(input.categories.map((category) => category.key));
  const works = context.entries.filter((entry) => entry.kind === 'work');
  const doneTasks = context.tasks.filter((task) => task.kind === 'plan' && context.state(task).done);
  const groupOf = (category: DraftCategory | null): ItemGroup => ({
    category,
    items: [
      ...works
        .filter((entry) =>
          category ? entry.category === category.key : part === 'achievements' && !known.has(entry.category),
        )
        .map((entry) => ({ id: entry.id, date: entry.date, entry })),
      ...doneTasks
        .filter((task) => {
          const own = context.categoryOf(task);
          return category ? own?.key === category.key : part === 'achievements' && own === null;
        })
        .map((task) => ({ id: task.id, date: task.completedOn ?? input.asOf, task })),
    ].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
  });
  const groups = input.categories.filter((category) => category.part === part).map(groupOf);
  if (part === 'achievements') groups.push(groupOf(null));
  return groups.filter((group) => group.items.length > 0);
}

/**
 * Items as a clerk writes them: one sentence each, in date order, an entry opening with its month when the month
 * changes (3月，开展…。), run into paragraphs of a readable length.
 */
export function itemParagraphs(context: DraftContext, idPrefix: string, items: Item[]): DraftParagraph[] {
  const prose = new Prose();
  const members: Item[][] = [];
  let lastMonth: number | null = null;
  for (const item of items) {
    if (item.entry) {
      const month = Number(item.date.slice(5, 7));
      const text = clause(item.entry.text);
      prose.sentence([
        `${month === lastMonth ? text : fill(context.t, 'entryWithMonth', { month: `${month}月`, text })}。`,
      ]);
      lastMonth = month;
    } else {
      prose.sentence(doneVariants(context, item.task!).map((variant) => `${variant}。`));
      lastMonth = null;
    }
    (members[prose.index] ??= []).push(item);
  }
  return prose.paragraphs().map((text, index) => {
    const group = members[index];
    return paragraph(`${idPrefix}:${group[0].id}`, text, {
      taskIds: group.flatMap((item) => item.task?.id ?? item.entry?.taskId ?? []),
      itemIds: group.flatMap((item) => item.task?.reportItemId ?? []),
      entryIds: group.flatMap((item) => item.entry?.id ?? []),
    });
  });
}
