import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which task a report item became, recorded on the item by the confirmation that creates the task (in the same
 * transaction), so a report and its items read from the reports' own tables and the reports feature never reads
 * tasks. tasks.report_item_id stays the task's side of the link.
 */
export class ReportItemTasks1764150000000 implements MigrationInterface {
  name = 'ReportItemTasks1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_items ADD COLUMN task_id uuid`);
    await queryRunner.query(
      `UPDATE report_items i SET task_id = t.id FROM tasks t WHERE t.report_item_id = i.id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_items DROP COLUMN task_id`);
  }
}
