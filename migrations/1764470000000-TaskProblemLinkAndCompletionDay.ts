import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two facts the ledger and the report need. `problem_task_id` ties a 整改措施 to the 整改问题 it answers, so the
 * 台账 groups measures under their problem and the draft writes one paragraph per problem (same organization, kept
 * by the service; a deleted problem leaves the measure unlinked). `completed_on` is the day the work was done,
 * given by staff with 申请销号; `completed_at` stays the moment the leader approved. Earlier completions take their
 * approval day, the best fact there is for them.
 */
export class TaskProblemLinkAndCompletionDay1764470000000 implements MigrationInterface {
  name = 'TaskProblemLinkAndCompletionDay1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tasks ADD COLUMN problem_task_id uuid NULL REFERENCES tasks(id) ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX tasks_problem_task_idx ON tasks (problem_task_id) WHERE problem_task_id IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE tasks ADD COLUMN completed_on date NULL`);
    await queryRunner.query(
      `UPDATE tasks SET completed_on = (completed_at AT TIME ZONE 'Asia/Shanghai')::date WHERE completed_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tasks DROP COLUMN completed_on`);
    await queryRunner.query(`DROP INDEX tasks_problem_task_idx`);
    await queryRunner.query(`ALTER TABLE tasks DROP COLUMN problem_task_id`);
  }
}
