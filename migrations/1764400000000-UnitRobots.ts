import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group robots per unit (unit_id NULL: the organization's leaders' group) and the messages queued for them.
 * robot_messages has no foreign key to unit_robots: a robot removed from the configuration fails its open messages
 * but keeps their history. `(robot_id, delivery_key)` is unique, so a delivery enqueued twice is queued once.
 */
export class UnitRobots1764400000000 implements MigrationInterface {
  name = 'UnitRobots1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE unit_robots (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        vendor varchar(16) NOT NULL CHECK (vendor IN ('dingtalk', 'wecom', 'feishu', 'generic')),
        url_sealed text NOT NULL,
        secret_sealed text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX unit_robots_scope_idx ON unit_robots (organization_id, unit_id)`);
    await queryRunner.query(`
      CREATE TABLE robot_messages (
        id bigserial PRIMARY KEY,
        robot_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        delivery_key text NOT NULL,
        reminder jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        batch_id text,
        claim_token text,
        attempts int NOT NULL DEFAULT 0,
        deferrals int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (robot_id, delivery_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX robot_messages_open_idx ON robot_messages (robot_id, next_attempt_at) WHERE status IN ('pending', 'sending')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE robot_messages`);
    await queryRunner.query(`DROP TABLE unit_robots`);
  }
}
