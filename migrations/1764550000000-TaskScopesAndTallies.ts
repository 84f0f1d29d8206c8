import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two things every committed change to tasks (and to their extension requests) now maintains, in the same
 * statement-level triggers style as TaskListRevisions:
 *
 * - `task_scope_revisions`: a revision per organization ('o'), unit ('u'), assignee ('a') and leader ('l') that a
 *   changed task belonged to before or after the change. A cached ledger page filtered to one unit stays valid
 *   while that unit's revision stands, whatever happens in the organization's other units. Revisions come from
 *   task_list_revision_seq, so none is ever reused.
 * - `task_tallies`: how many tasks there are per (organization, status, unit, leader, assignee, kind, plan year).
 *   A ledger filter over only these columns counts by summing a few dozen tally rows instead of reading every
 *   matching task; the tally has the same column names as `tasks`, so the list's WHERE clause applies as it is.
 *
 * Writers of one organization already queue on its task_list_revisions row (that trigger sorts first), so the
 * upserts here, sorted by key, cannot deadlock with each other.
 */
export class TaskScopesAndTallies1764550000000 implements MigrationInterface {
  name = 'TaskScopesAndTallies1764550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE task_scope_revisions (
        scope char(1) NOT NULL,
        scope_id uuid NOT NULL,
        revision bigint NOT NULL,
        PRIMARY KEY (scope, scope_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE task_tallies (
        organization_id uuid NOT NULL,
        status varchar(32) NOT NULL,
        unit_id uuid,
        leader_id uuid,
        assignee_id uuid,
        kind varchar(32) NOT NULL,
        plan_year int,
        n int NOT NULL,
        CONSTRAINT task_tallies_key UNIQUE NULLS NOT DISTINCT
          (organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year)
      )`);
    // The task rows a statement touched, old and new versions alike, as (scope, id) pairs and as tally deltas.
    await queryRunner.query(`
      CREATE FUNCTION bump_task_scopes(touched_json jsonb) RETURNS void LANGUAGE sql AS $$
        INSERT INTO task_scope_revisions (scope, scope_id, revision)
        SELECT scope, scope_id, nextval('task_list_revision_seq') FROM (
          SELECT DISTINCT s.scope, s.scope_id
            FROM jsonb_to_recordset(touched_json) AS r(organization_id uuid, unit_id uuid, assignee_id uuid, leader_id uuid),
                 LATERAL (VALUES ('o', r.organization_id), ('u', r.unit_id), ('a', r.assignee_id), ('l', r.leader_id)) AS s(scope, scope_id)
           WHERE s.scope_id IS NOT NULL
           ORDER BY 1, 2) scopes
        ON CONFLICT (scope, scope_id) DO UPDATE SET revision = EXCLUDED.revision
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION maintain_task_scopes_and_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM bump_task_scopes((SELECT jsonb_agg(to_jsonb(x)) FROM (SELECT DISTINCT organization_id, unit_id, assignee_id, leader_id FROM new_rows) x));
          INSERT INTO task_tallies AS tt (organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, n)
            SELECT organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, count(*) FROM new_rows
             GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT ON CONSTRAINT task_tallies_key DO UPDATE SET n = tt.n + EXCLUDED.n;
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM bump_task_scopes((SELECT jsonb_agg(to_jsonb(x)) FROM (SELECT DISTINCT organization_id, unit_id, assignee_id, leader_id FROM old_rows) x));
          INSERT INTO task_tallies AS tt (organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, n)
            SELECT organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, -count(*) FROM old_rows
             GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT ON CONSTRAINT task_tallies_key DO UPDATE SET n = tt.n + EXCLUDED.n;
        ELSE
          PERFORM bump_task_scopes((SELECT jsonb_agg(to_jsonb(x)) FROM (
            SELECT organization_id, unit_id, assignee_id, leader_id FROM new_rows
            UNION SELECT organization_id, unit_id, assignee_id, leader_id FROM old_rows) x));
          INSERT INTO task_tallies AS tt (organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, n)
            SELECT organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, sum(d) FROM (
              SELECT organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, 1 AS d FROM new_rows
              UNION ALL
              SELECT organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, -1 FROM old_rows) delta
             GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT ON CONSTRAINT task_tallies_key DO UPDATE SET n = tt.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
      END $$`);
    // "tasks_scopes_*" sorts after "tasks_revision_*": the organization's revision row is locked first.
    await queryRunner.query(`CREATE TRIGGER tasks_scopes_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION maintain_task_scopes_and_tallies()`);
    await queryRunner.query(`CREATE TRIGGER tasks_scopes_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION maintain_task_scopes_and_tallies()`);
    await queryRunner.query(`CREATE TRIGGER tasks_scopes_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION maintain_task_scopes_and_tallies()`);
    // A page shows whether a task has a pending extension request: such a change moves the task's scopes.
    await queryRunner.query(`
      CREATE FUNCTION bump_extension_request_task_scopes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_task_scopes((SELECT jsonb_agg(to_jsonb(x)) FROM (
          SELECT DISTINCT t.organization_id, t.unit_id, t.assignee_id, t.leader_id
            FROM tasks t WHERE t.id IN (SELECT task_id FROM changed)) x));
        RETURN NULL;
      END $$`);
    for (const [event, table] of [
      ['insert', 'NEW'],
      ['update', 'NEW'],
      ['delete', 'OLD'],
    ])
      await queryRunner.query(`CREATE TRIGGER extension_requests_scopes_${event} AFTER ${event.toUpperCase()} ON extension_requests
        REFERENCING ${table} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_extension_request_task_scopes()`);
    await queryRunner.query(`INSERT INTO task_tallies (organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, n)
      SELECT organization_id, status, unit_id, leader_id, assignee_id, kind, plan_year, count(*) FROM tasks GROUP BY 1, 2, 3, 4, 5, 6, 7`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER extension_requests_scopes_${event} ON extension_requests`);
      await queryRunner.query(`DROP TRIGGER tasks_scopes_${event} ON tasks`);
    }
    await queryRunner.query(`DROP FUNCTION bump_extension_request_task_scopes()`);
    await queryRunner.query(`DROP FUNCTION maintain_task_scopes_and_tallies()`);
    await queryRunner.query(`DROP FUNCTION bump_task_scopes(jsonb)`);
    await queryRunner.query(`DROP TABLE task_tallies`);
    await queryRunner.query(`DROP TABLE task_scope_revisions`);
  }
}
