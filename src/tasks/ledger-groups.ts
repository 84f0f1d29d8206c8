import type { LedgerRow } from './task.repository';
import { TASK_STATUS_LABELS } from './task-status';

/**
 * One numbered line of the 整改台账: a 整改问题 with the 整改措施 that answer it (or any other task alone). `problem`
 * is the problem's own entry when it is among the rows; `problemTitle` names it either way.
 */
export interface LedgerGroup<T> {
  seq: number;
  problemId: string | null;
  problemTitle: string | null;
  problem: T | null;
  /** The measures under the problem; a task that answers no problem and is none is here alone. */
  measures: T[];
}

interface Groupable {
  id: string;
  title: string;
  seq: number;
  problemTaskId: string | null;
  problemTitle: string | null;
  itemType: string;
}

/** Entries in ledger order (as TaskRepository.findLedger returns them) gathered into their numbered groups. */
export function groupLedger<T extends Groupable>(entries: T[]): Array<LedgerGroup<T>> {
  const groups: Array<LedgerGroup<T>> = [];
  for (const entry of entries) {
    let group = groups.at(-1);
    if (!group || group.seq !== entry.seq) {
      group = { seq: entry.seq, problemId: null, problemTitle: null, problem: null, measures: [] };
      groups.push(group);
    }
    if (entry.problemTaskId) {
      group.problemId = entry.problemTaskId;
      group.problemTitle = entry.problemTitle;
      group.measures.push(entry);
    } else if (entry.itemType === 'problem') {
      group.problemId = entry.id;
      group.problemTitle = entry.title;
      group.problem = entry;
    } else group.measures.push(entry);
  }
  return groups;
}

/**
 * 进展情况 as the ledger prints it, from the task's real state: a task sent back reads 退回整改 with the
 * reviewer's words, never the 申请销号 note that preceded it.
 */
export function progressText(
  row: Pick<
    LedgerRow,
    'status' | 'progress' | 'lastNote' | 'sentBack' | 'rejectionNote' | 'completedOn' | 'longTerm'
  >,
): string {
  const note = (text: string | null) => (text ? `：${text}` : '');
  switch (row.status) {
    case 'completed':
      return `已销号${row.completedOn ? `（${row.completedOn} 完成）` : ''}`;
    case 'cancelled':
      return '已撤销';
    case 'new':
    case 'assigned':
      return row.lastNote
        ? `${TASK_STATUS_LABELS[row.status]}${note(row.lastNote)}`
        : TASK_STATUS_LABELS[row.status];
    case 'pending_review':
      return `待核验，进度 ${row.progress}%${note(row.lastNote)}`;
    default:
      if (row.sentBack) return `退回整改，进度 ${row.progress}%${note(row.rejectionNote)}`;
      if (row.longTerm) return `长期坚持${note(row.lastNote)}`;
      return `${TASK_STATUS_LABELS[row.status]}，进度 ${row.progress}%${note(row.lastNote)}`;
  }
}
