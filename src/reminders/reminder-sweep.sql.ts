import { OPEN_STATUSES } from './reminder-rules';

/**
 * The whole sweep as one set-based statement: kinds per open task (same rules as `reminderKindsOn`),
 * recipients per kind, Chinese texts, and an idempotent insert. Parameters:
 * $1 asOf date, $2 time zone, $3 daily days, $4 cadence, $5 leader days, $6 parent days, $7 inactivity days.
 * Returns the newly stored notifications with whether their recipient has an e-mail address.
 */
export const SWEEP_SQL = `
WITH open_tasks AS (
  SELECT t.id, t.organization_id, t.title, t.deadline, t.assignee_id, t.unit_id, t.leader_id,
         $1::date - t.deadline AS over_days,
         $1::date - (t.last_activity_at AT TIME ZONE $2)::date AS idle_days
    FROM tasks t
   WHERE t.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})
     AND (t.deadline <= $1::date + 7 OR t.last_activity_at < ($1::date - $7::int)::timestamp AT TIME ZONE $2)
),
kinds AS (
  SELECT o.*, k.kind
    FROM open_tasks o
   CROSS JOIN LATERAL (VALUES
     (CASE o.over_days WHEN -7 THEN 'due_in_7' WHEN -3 THEN 'due_in_3' WHEN -1 THEN 'due_in_1' WHEN 0 THEN 'due_today' END),
     (CASE WHEN o.over_days > 0 AND (o.over_days <= $3 OR (o.over_days - $3) % $4 = 0) THEN 'overdue' END),
     (CASE WHEN (o.over_days > $5 AND (o.over_days - $5 - 1) % $4 = 0)
             OR (o.idle_days > $7 AND (o.idle_days - $7 - 1) % $4 = 0) THEN 'escalate_leader' END),
     (CASE WHEN o.over_days > $6 AND (o.over_days - $6 - 1) % $4 = 0 THEN 'escalate_parent' END)
   ) AS k(kind)
   WHERE k.kind IS NOT NULL
),
recipients AS (
  -- Deadline reminders: the active assignee, or the unit's active staff when there is none.
  -- Separate branches rather than OR-joins so each is a hash join at 100k tasks.
  SELECT k.*, u.id AS user_id, u.organization_id AS user_org, u.email
    FROM kinds k JOIN users u ON u.id = k.assignee_id AND u.active
   WHERE k.kind NOT LIKE 'escalate_%'
  UNION ALL
  SELECT k.*, u.id, u.organization_id, u.email
    FROM kinds k JOIN users u ON u.unit_id = k.unit_id AND u.role = 'staff' AND u.active
   WHERE k.kind NOT LIKE 'escalate_%' AND NOT EXISTS (SELECT 1 FROM users a WHERE a.id = k.assignee_id AND a.active)
  UNION ALL
  -- The responsible leader, or the organization's admins when the task has no active leader.
  SELECT k.*, u.id, u.organization_id, u.email
    FROM kinds k JOIN users u ON u.id = k.leader_id AND u.active
   WHERE k.kind = 'escalate_leader'
  UNION ALL
  SELECT k.*, u.id, u.organization_id, u.email
    FROM kinds k JOIN users u ON u.organization_id = k.organization_id AND u.role = 'admin' AND u.active
   WHERE k.kind = 'escalate_leader' AND NOT EXISTS (SELECT 1 FROM users l WHERE l.id = k.leader_id AND l.active)
  UNION ALL
  -- The supervising organization's admins.
  SELECT k.*, u.id, u.organization_id, u.email
    FROM kinds k JOIN organizations o ON o.id = k.organization_id
    JOIN users u ON u.organization_id = o.parent_id AND u.role = 'admin' AND u.active
   WHERE k.kind = 'escalate_parent'
),
texts AS (
  SELECT r.*, to_char(r.deadline, 'YYYY-MM-DD') AS due, '任务「' || r.title || '」' AS task_name FROM recipients r
),
inserted AS (
  INSERT INTO notifications (organization_id, user_id, task_id, kind, title, body, dedupe_key)
  SELECT x.user_org, x.user_id, x.id, x.kind,
         CASE x.kind
           WHEN 'due_in_7' THEN '整改任务7天后到期'
           WHEN 'due_in_3' THEN '整改任务3天后到期'
           WHEN 'due_in_1' THEN '整改任务明天到期'
           WHEN 'due_today' THEN '整改任务今天到期'
           WHEN 'overdue' THEN '整改任务已逾期'
           WHEN 'escalate_leader' THEN '整改任务需要督办'
           ELSE '下级单位整改任务严重逾期'
         END,
         CASE
           WHEN x.kind LIKE 'due_in_%' THEN x.task_name || '的截止日期为 ' || x.due || '，还有 ' || (-x.over_days) || ' 天到期，请抓紧办理。'
           WHEN x.kind = 'due_today' THEN x.task_name || '的截止日期为今天（' || x.due || '），请及时办理并申请销号。'
           WHEN x.kind = 'overdue' THEN x.task_name || '的截止日期为 ' || x.due || '，已逾期 ' || x.over_days || ' 天，请尽快办理。'
           WHEN x.kind = 'escalate_leader' AND x.over_days > $5 THEN x.task_name || '（截止日期 ' || x.due || '）已逾期 ' || x.over_days || ' 天，请督促办理。'
           WHEN x.kind = 'escalate_leader' THEN x.task_name || '（截止日期 ' || coalesce(x.due, '未设定') || '）已 ' || x.idle_days || ' 天没有进展，请督促办理。'
           ELSE x.task_name || '（截止日期 ' || x.due || '）已逾期 ' || x.over_days || ' 天，请督促下级单位办理。'
         END,
         'reminder:' || x.id || ':' || x.kind || ':' || $1::date || ':' || x.user_id
    FROM texts x
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id, user_id
)
SELECT i.id, u.email IS NOT NULL AS has_email FROM inserted i JOIN users u ON u.id = i.user_id`;
