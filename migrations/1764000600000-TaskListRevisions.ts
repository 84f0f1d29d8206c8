import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-organization counter that moves with every committed change to its tasks. Counting the matches of a
 * ledger filter reads every matching index entry (10,000 for one status at 100,000 tasks), and the count shows on
 * every page; with the counter, API processes reuse a count until the organization's tasks change. The upsert
 * takes the counter's row lock until commit, so revisions follow commit order and a reader that sees revision R
 * in its snapshot sees exactly the tasks of R. Values come from a sequence, so none is ever reused, not even after
 * the tables are truncated.
 */
export class TaskListRevisions1764000600000 implements MigrationInterface {
  name = 'TaskListRevisions1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE task_list_revision_seq`);
    await queryRunner.query(`
      CREATE TABLE task_list_revisions (
        organization_id uuid PRIMARY KEY,
        revision bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE FUNCTION bump_task_list_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO task_list_revisions (organization_id, revision)
          SELECT organization_id, nextval('task_list_revision_seq') FROM (SELECT DISTINCT organization_id FROM changed) orgs
          ON CONFLICT (organization_id) DO UPDATE SET revision = EXCLUDED.revision;
        RETURN NULL;
      END $$`);
    // Transition tables allow one event per trigger, hence three.
    await queryRunner.query(`CREATE TRIGGER tasks_revision_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_revision()`);
    await queryRunner.query(`CREATE TRIGGER tasks_revision_update AFTER UPDATE ON tasks REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_revision()`);
    await queryRunner.query(`CREATE TRIGGER tasks_revision_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_revision()`);
    await queryRunner.query(`INSERT INTO task_list_revisions (organization_id, revision)
      SELECT organization_id, nextval('task_list_revision_seq') FROM (SELECT DISTINCT organization_id FROM tasks) orgs`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tasks_revision_delete ON tasks`);
    await queryRunner.query(`DROP TRIGGER tasks_revision_update ON tasks`);
    await queryRunner.query(`DROP TRIGGER tasks_revision_insert ON tasks`);
    await queryRunner.query(`DROP FUNCTION bump_task_list_revision()`);
    await queryRunner.query(`DROP TABLE task_list_revisions`);
    await queryRunner.query(`DROP SEQUENCE task_list_revision_seq`);
  }
}
