import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a reminder sweep is to cover, one row per organization, written before anything is queued (an outbox for
 * sweeps): the request enqueues the rows' jobs after its statement commits and stamps `enqueued_at`; rows Redis did
 * not take are enqueued later by a worker, so a sweep asked for while Redis is down still runs.
 */
export class ReminderSweeps1764150200000 implements MigrationInterface {
  name = 'ReminderSweeps1764150200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder_sweeps (
        id bigserial PRIMARY KEY,
        as_of date NOT NULL,
        organization_id uuid NOT NULL,
        requested_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        enqueued_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX reminder_sweeps_unqueued_idx ON reminder_sweeps (id) WHERE enqueued_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reminder_sweeps`);
  }
}
