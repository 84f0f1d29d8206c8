import { ApprovedExtension, DraftCounts, ReportTask } from './draft-types';

/** Where a task stood on the day the draft is as of, which is what the report states. */
export type TaskState =
  | {
      done: true;
      /** Approved (销号) by then; otherwise it is 已完成、待核验. */
      verified: boolean;
      onTime: boolean;
      /** The extension that made it on time: shown as 经批准延期至…，按期完成. */
      extension: ApprovedExtension | null;
    }
  | { done: false; overdue: boolean; extension: ApprovedExtension | null };

/**
 * Done means the work was done (completedOn) by `asOf` and handed in for 核验 or approved; work done later does not
 * count for this draft. On time means done no later than the deadline in force, after approved extensions.
 */
export function taskStateAt(task: ReportTask, asOf: string): TaskState {
  const extension = task.extensions.at(-1) ?? null;
  const handedIn = task.status === 'completed' || task.status === 'pending_review';
  if (handedIn && (task.completedOn === null || task.completedOn <= asOf)) {
    const onTime = task.deadline === null || (task.completedOn !== null && task.completedOn <= task.deadline);
    const neededExtension =
      onTime &&
      extension !== null &&
      task.completedOn !== null &&
      (task.originalDeadline === null || task.completedOn > task.originalDeadline);
    return {
      done: true,
      verified: task.status === 'completed' && (task.verifiedOn === null || task.verifiedOn <= asOf),
      onTime,
      extension: neededExtension ? extension : null,
    };
  }
  return { done: false, overdue: task.deadline !== null && task.deadline < asOf, extension };
}

export function countTasks(tasks: ReportTask[], asOf: string): DraftCounts {
  return countStates(tasks.map((task) => taskStateAt(task, asOf)));
}

/** The counts sentence's figures, from where each planned (not cancelled) task stood. */
export function countStates(states: TaskState[]): DraftCounts {
  return {
    planned: states.length,
    completed: states.filter((state) => state.done).length,
    onTime: states.filter((state) => state.done && state.onTime).length,
    overdue: states.filter((state) => !state.done && state.overdue).length,
  };
}
