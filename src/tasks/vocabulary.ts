import { ROLE_LABELS, ROLES } from '../identity/auth-user';
import { ROBOT_VENDORS, VENDOR_LABELS } from '../identity/dto/unit-robots.dto';
import { PERMISSIONS } from '../identity/permissions';
import { ITEM_TYPE_LABELS, ITEM_TYPES } from './item-type';
import { PRINTED_LEDGER_COLUMNS } from './ledger-columns';
import { TASK_ACTION_LABELS, TASK_ACTIONS } from './task-actions';
import { TASK_STATUS_LABELS, TASK_STATUSES } from './task-status';
import { TRAFFIC_LIGHT_COLORS, TRAFFIC_LIGHT_LABELS, TRAFFIC_LIGHTS } from './traffic-light';

/** Entries of task_history.action as the 办理记录 words them. */
export const HISTORY_ACTION_LABELS: Record<string, string> = {
  created: '生成任务',
  updated: '调整任务',
  imported: '台账导入调整',
  progress: '报送进展',
  approved: '核验通过，销号',
  rejected: '退回整改',
  cancelled: '撤销任务',
  evidence_accepted: '佐证材料核验通过',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  urged: '催办',
  supervised: '县级督办',
  urge_replied: '答复办理情况',
  carried_over: '年度结转',
};

/** Kinds of report item the parser finds (the import review's words, not a task's item type). */
export const REPORT_ITEM_KIND_LABELS = {
  problem: '问题',
  cause: '原因',
  measure: '整改措施',
  plan: '工作计划',
} as const;

const entries = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((key) => ({ key, label: labels[key] }));

/**
 * Every word the UI shows for a coded value, in one place (GET /meta → vocabulary): task status, item type and
 * light are three separate lists, so none of their words can stand for another. `permissions` is the permission
 * table (action → roles), for screens that show or hide whole pages; what one task allows comes with the task.
 */
export const VOCABULARY = {
  statuses: entries(TASK_STATUSES, TASK_STATUS_LABELS),
  itemTypes: entries(ITEM_TYPES, ITEM_TYPE_LABELS),
  lights: TRAFFIC_LIGHTS.map((key) => ({
    key,
    label: TRAFFIC_LIGHT_LABELS[key],
    color: TRAFFIC_LIGHT_COLORS[key],
  })),
  taskActions: entries(TASK_ACTIONS, TASK_ACTION_LABELS),
  historyActions: entries(Object.keys(HISTORY_ACTION_LABELS), HISTORY_ACTION_LABELS),
  reportItemKinds: entries(
    Object.keys(REPORT_ITEM_KIND_LABELS) as Array<keyof typeof REPORT_ITEM_KIND_LABELS>,
    REPORT_ITEM_KIND_LABELS,
  ),
  roles: entries(ROLES, ROLE_LABELS),
  robotVendors: entries(ROBOT_VENDORS, VENDOR_LABELS),
  ledgerColumns: PRINTED_LEDGER_COLUMNS,
  permissions: Object.fromEntries(
    Object.entries(PERMISSIONS).map(([action, permission]) => [action, permission.roles]),
  ),
};
