import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (the stored row is the in-app delivery) and one row per external delivery.
 * `dedupe_key` and `(notification_id, channel)` are unique so that repeated sweeps, replayed events and
 * retried jobs can never notify or deliver twice. No foreign keys to users/tasks: a notification is a
 * historical record and must outlive a deleted task.
 */
export class Notifications1764000300000 implements MigrationInterface {
  name = 'Notifications1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        user_id uuid NOT NULL,
        task_id uuid,
        kind varchar(32) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        dedupe_key text NOT NULL UNIQUE,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE deliveries (
        id bigserial PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        channel varchar(16) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notification_id, channel)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deliveries`);
    await queryRunner.query(`DROP TABLE notifications`);
  }
}
