import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { poolQuery } from '../db/pool-query';

/** What the tallies say about one organization's tasks of a plan year, as of a day. */
export interface OrganizationTally {
  organizationId: string;
  planned: number;
  completed: number;
  onTime: number;
  overdue: number;
  /** Open tasks whose light is yellow or red (yellow = this - overdue). */
  flagged: number;
  lastActivityAt: string | null;
}

/** A child organization and every organization in its subtree (itself included). */
export interface ChildSubtree {
  id: string;
  name: string;
  memberIds: string[];
}

/**
 * Every statement on `organization_task_tallies`, `organization_task_activity` and `task_tally_settings`
 * (migration OrganizationTaskTallies: triggers on `tasks` keep them exact). Reads sum a few index entries per
 * organization, never a task.
 */
@Injectable()
export class CountyTalliesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The child organizations with their subtrees, by name (identity's `organizations`), and the latest task revision
   * below them (`task_list_revisions`, advanced by the tasks triggers), in one statement: every overview request
   * reads it to tell whether its remembered answer still holds, and the monthly 通报 reads the children. A read
   * model over both tables, asked once per request instead of once per table.
   */
  async childSubtreesWithRevision(
    organizationId: string,
  ): Promise<{ children: ChildSubtree[]; revision: string }> {
    const [row] = await poolQuery<{ children: ChildSubtree[]; revision: string }>(
      this.dataSource,
      `WITH RECURSIVE tree AS (
         SELECT id AS child_id, id FROM organizations WHERE parent_id = $1
         UNION ALL SELECT t.child_id, o.id FROM organizations o JOIN tree t ON o.parent_id = t.id
       ), children AS (
         SELECT c.id, c.name, array_agg(tree.id) AS "memberIds"
           FROM tree JOIN organizations c ON c.id = tree.child_id GROUP BY c.id, c.name
       )
       SELECT COALESCE((SELECT json_agg(children ORDER BY children.name) FROM children), '[]') AS children,
              (SELECT COALESCE(max(r.revision), 0) FROM task_list_revisions r
                WHERE r.organization_id IN (SELECT tree.id FROM tree)) AS revision`,
      [organizationId],
      'county-children-revision',
    );
    return row;
  }

  async tallies(organizationIds: string[], planYear: number, today: string): Promise<OrganizationTally[]> {
    return poolQuery<OrganizationTally>(
      this.dataSource,
      `SELECT o.id AS "organizationId",
         COALESCE(sum(x.tasks) FILTER (WHERE x.measure = 'planned'), 0)::int AS planned,
         COALESCE(sum(x.tasks) FILTER (WHERE x.measure = 'completed'), 0)::int AS completed,
         COALESCE(sum(x.tasks) FILTER (WHERE x.measure = 'on_time'), 0)::int AS "onTime",
         COALESCE(sum(x.tasks) FILTER (WHERE x.measure = 'due' AND x.day < $3::date), 0)::int AS overdue,
         COALESCE(sum(x.tasks) FILTER (WHERE x.measure = 'yellow_from' AND x.day <= $3::date), 0)::int AS flagged,
         (SELECT to_char(a.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            FROM organization_task_activity a WHERE a.organization_id = o.id AND a.plan_year = $2) AS "lastActivityAt"
       FROM unnest($1::uuid[]) AS o(id)
       LEFT JOIN organization_task_tallies x ON x.organization_id = o.id AND x.plan_year = $2
         AND (x.measure IN ('planned', 'completed', 'on_time')
           OR (x.measure = 'due' AND x.day < $3::date) OR (x.measure = 'yellow_from' AND x.day <= $3::date))
       GROUP BY o.id`,
      [organizationIds, planYear, today],
      'county-tallies',
    );
  }

  /**
   * Writes the configured time zone and schedule margin where the triggers read them and, when they differ from
   * what the tallies were counted with, recounts everything in the same transaction.
   */
  async adoptSettings(timeZone: string, marginPercent: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT time_zone AS "timeZone", margin_percent AS margin FROM task_tally_settings FOR UPDATE`,
      );
      if (current?.timeZone === timeZone && current?.margin === marginPercent) return false;
      await manager.query(
        `INSERT INTO task_tally_settings (singleton, time_zone, margin_percent) VALUES (true, $1, $2)
         ON CONFLICT (singleton) DO UPDATE SET time_zone = EXCLUDED.time_zone, margin_percent = EXCLUDED.margin_percent`,
        [timeZone, marginPercent],
      );
      await manager.query(`SELECT rebuild_task_tallies()`);
      return true;
    });
  }
}
