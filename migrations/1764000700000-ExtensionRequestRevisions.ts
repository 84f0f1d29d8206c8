import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ledger page shows whether each task has a pending extension request (申请延期), and API processes now reuse
 * whole pages while the organization's task revision stands: asking for, approving or refusing an extension
 * must move the revision too, even when the task row itself is untouched.
 */
export class ExtensionRequestRevisions1764000700000 implements MigrationInterface {
  name = 'ExtensionRequestRevisions1764000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER extension_requests_revision_insert AFTER INSERT ON extension_requests REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_revision()`);
    await queryRunner.query(`CREATE TRIGGER extension_requests_revision_update AFTER UPDATE ON extension_requests REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_revision()`);
    await queryRunner.query(`CREATE TRIGGER extension_requests_revision_delete AFTER DELETE ON extension_requests REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_revision()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER extension_requests_revision_delete ON extension_requests`);
    await queryRunner.query(`DROP TRIGGER extension_requests_revision_update ON extension_requests`);
    await queryRunner.query(`DROP TRIGGER extension_requests_revision_insert ON extension_requests`);
  }
}
