import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 年度结转: a leader closes the year by carrying an unfinished task into the next one. The task stays one task (its
 * history goes on); it gets the year it is carried into, the 未完成原因 (its own field, never a progress note), the
 * next step and the new deadline, which also becomes its deadline. `carried_from_deadline` keeps the deadline it had
 * in the year it was planned for, so that year's report still reads it as not done in time.
 */
export class TaskCarryOver1764510000000 implements MigrationInterface {
  name = 'TaskCarryOver1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tasks
         ADD COLUMN carried_into_year int NULL,
         ADD COLUMN carried_from_deadline date NULL,
         ADD COLUMN carry_over_reason text NULL,
         ADD COLUMN carry_over_next_step text NULL,
         ADD COLUMN carry_over_deadline date NULL,
         ADD COLUMN carried_over_at timestamptz NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX tasks_carried_into_idx ON tasks (organization_id, carried_into_year) WHERE carried_into_year IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tasks_carried_into_idx`);
    await queryRunner.query(
      `ALTER TABLE tasks DROP COLUMN carried_into_year, DROP COLUMN carried_from_deadline,
         DROP COLUMN carry_over_reason, DROP COLUMN carry_over_next_step, DROP COLUMN carry_over_deadline,
         DROP COLUMN carried_over_at`,
    );
  }
}
