import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-organization counts the county overview reads instead of scanning `tasks` (one county's stats read every
 * task in the table at 1,000,000 tasks). Statement triggers add +1 for each new row version and -1 for each old
 * one, so the tallies move in the same transaction as the tasks and are exact at every commit.
 *
 * Overdue and yellow depend on today, so they are kept as counts per day and summed up to today when read:
 * `due` counts open tasks by deadline (red = days before today); `yellow_from` counts open tasks by the first day
 * their light is yellow or red: the earlier of deadline - 7 and the day they fall behind 序时进度, the same rule
 * as lightSql() in task-view.ts, solved for today. A task's light is red or yellow exactly when that day is not
 * after today, so yellow = Σ yellow_from ≤ today - red. Plain counts (planned, completed, on time) use day
 * -infinity. The schedule margin and time zone come from configuration, so the app writes them into
 * task_tally_settings at start-up and rebuilds the tallies when they change.
 */
export class OrganizationTaskTallies1764520000000 implements MigrationInterface {
  name = 'OrganizationTaskTallies1764520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE task_tally_settings (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        time_zone text NOT NULL,
        margin_percent int NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO task_tally_settings (time_zone, margin_percent) VALUES ('Asia/Shanghai', 10)`,
    );
    await queryRunner.query(`
      CREATE TABLE organization_task_tallies (
        organization_id uuid NOT NULL,
        plan_year int NOT NULL,
        measure varchar(16) NOT NULL,
        day date NOT NULL,
        tasks int NOT NULL,
        PRIMARY KEY (organization_id, plan_year, measure, day)
      )`);
    await queryRunner.query(`
      CREATE TABLE organization_task_activity (
        organization_id uuid NOT NULL,
        plan_year int NOT NULL,
        last_activity_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, plan_year)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION task_tally_marks(status text, deadline date, completed_on date, long_term boolean,
        assigned_at timestamptz, progress int, time_zone text, margin int)
      RETURNS TABLE (measure varchar, day date) LANGUAGE sql STABLE AS $$
        SELECT m.measure, m.day FROM (
          SELECT (assigned_at AT TIME ZONE time_zone)::date AS assigned_on,
                 status NOT IN ('completed', 'cancelled') AND deadline IS NOT NULL AS open_with_deadline
        ) a, LATERAL (VALUES
          ('planned'::varchar, '-infinity'::date, status <> 'cancelled'),
          ('completed', '-infinity', status = 'completed'),
          ('on_time', '-infinity', status = 'completed' AND (deadline IS NULL OR completed_on <= deadline)),
          ('due', deadline, a.open_with_deadline),
          ('yellow_from', LEAST(deadline - 7, CASE
              WHEN NOT long_term AND a.assigned_on IS NOT NULL AND deadline > a.assigned_on
              THEN a.assigned_on + GREATEST(1, floor((progress + margin) * (deadline - a.assigned_on) / 100.0)::int + 1)
            END), a.open_with_deadline)
        ) AS m(measure, day, counted)
        WHERE m.counted IS TRUE
      $$`);
    for (const [event, sources] of TRIGGERS) {
      await queryRunner.query(`
        CREATE FUNCTION tally_task_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO organization_task_tallies AS o (organization_id, plan_year, measure, day, tasks)
            SELECT d.organization_id, d.plan_year, d.measure, d.day, sum(d.n)::int FROM (
              ${sources.map(tallyRows).join(' UNION ALL ')}
            ) d GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4
            ON CONFLICT (organization_id, plan_year, measure, day) DO UPDATE SET tasks = o.tasks + EXCLUDED.tasks;
          ${sources.includes('new_rows') ? ACTIVITY : ''}
          RETURN NULL;
        END $$`);
      const referencing = sources.map((table) => `${table === 'new_rows' ? 'NEW' : 'OLD'} TABLE AS ${table}`);
      await queryRunner.query(`CREATE TRIGGER tasks_tally_${event} AFTER ${event.toUpperCase()} ON tasks
        REFERENCING ${referencing.join(' ')} FOR EACH STATEMENT EXECUTE FUNCTION tally_task_${event}()`);
    }
    await queryRunner.query(REBUILD_FUNCTION);
    await queryRunner.query(`SELECT rebuild_task_tallies()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [event] of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER tasks_tally_${event} ON tasks`);
      await queryRunner.query(`DROP FUNCTION tally_task_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION rebuild_task_tallies()`);
    await queryRunner.query(`DROP FUNCTION task_tally_marks`);
    await queryRunner.query(`DROP TABLE organization_task_activity`);
    await queryRunner.query(`DROP TABLE organization_task_tallies`);
    await queryRunner.query(`DROP TABLE task_tally_settings`);
  }
}

/** Transition tables allow one event per trigger; an update adds its new rows and takes away its old ones. */
const TRIGGERS: Array<[string, Array<'new_rows' | 'old_rows'>]> = [
  ['insert', ['new_rows']],
  ['update', ['new_rows', 'old_rows']],
  ['delete', ['old_rows']],
];

function tallyRows(table: 'new_rows' | 'old_rows'): string {
  return `SELECT c.organization_id, c.plan_year, m.measure, m.day, ${table === 'new_rows' ? 1 : -1} AS n
    FROM ${table} c CROSS JOIN task_tally_settings s
    CROSS JOIN LATERAL task_tally_marks(c.status, c.deadline, c.completed_on, c.long_term, c.assigned_at,
      c.progress, s.time_zone, s.margin_percent) m
    WHERE c.plan_year IS NOT NULL`;
}

const ACTIVITY = `
  INSERT INTO organization_task_activity AS a (organization_id, plan_year, last_activity_at)
    SELECT organization_id, plan_year, max(last_activity_at) FROM new_rows WHERE plan_year IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (organization_id, plan_year)
    DO UPDATE SET last_activity_at = GREATEST(a.last_activity_at, EXCLUDED.last_activity_at);`;

/** Recounts everything from `tasks` (a few seconds at 1,000,000 tasks): after the settings change, or to repair. */
const REBUILD_FUNCTION = `
  CREATE FUNCTION rebuild_task_tallies() RETURNS void LANGUAGE sql AS $$
  LOCK TABLE organization_task_tallies, organization_task_activity IN EXCLUSIVE MODE;
  DELETE FROM organization_task_tallies;
  DELETE FROM organization_task_activity;
  INSERT INTO organization_task_tallies (organization_id, plan_year, measure, day, tasks)
    SELECT c.organization_id, c.plan_year, m.measure, m.day, count(*)::int
    FROM tasks c CROSS JOIN task_tally_settings s
    CROSS JOIN LATERAL task_tally_marks(c.status, c.deadline, c.completed_on, c.long_term, c.assigned_at,
      c.progress, s.time_zone, s.margin_percent) m
    WHERE c.plan_year IS NOT NULL GROUP BY 1, 2, 3, 4;
  INSERT INTO organization_task_activity (organization_id, plan_year, last_activity_at)
    SELECT organization_id, plan_year, max(last_activity_at) FROM tasks WHERE plan_year IS NOT NULL GROUP BY 1, 2;
  $$`;
