import { codesOf } from '../common/closed-vocabulary';

/**
 * What kind of item a task is, as a 台账 sorts them: a problem to rectify, a measure taken against one, a plan for
 * the year, or work to keep up without an end date (长期坚持). Derived from the report item it came from and its
 * long-term flag; a cause (原因) confirmed as a task is tracked as a problem to rectify.
 */
export const ITEM_TYPE_LABELS = {
  problem: '整改问题',
  measure: '整改措施',
  plan: '工作计划',
  long_term: '长期坚持',
};
export const ITEM_TYPES = codesOf(ITEM_TYPE_LABELS);
export type ItemType = (typeof ITEM_TYPES)[number];

/** The report item kinds (tasks.item_kind) each type gathers; long_term is the flag instead. */
const ITEM_KINDS_OF: Record<Exclude<ItemType, 'long_term'>, readonly string[]> = {
  problem: ['problem', 'cause'],
  measure: ['measure'],
  plan: ['plan'],
};

export function itemTypeOf(task: { itemKind: string | null; longTerm: boolean }): ItemType {
  if (task.longTerm) return 'long_term';
  if (task.itemKind === 'measure' || task.itemKind === 'plan') return task.itemKind;
  return 'problem';
}

/** The filter for one item type over `tasks t`; `bind` turns a value into a placeholder. Mirrors itemTypeOf(). */
export function itemTypeClause(type: ItemType, bind: (value: unknown) => string): string {
  if (type === 'long_term') return 't.long_term';
  return `NOT t.long_term AND t.item_kind = ANY(${bind(ITEM_KINDS_OF[type])}::text[])`;
}
