import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery is claimed (`sending`, with its attempt counted) before the channel is called and its result recorded
 * after, each in its own short statement: the send no longer happens inside a transaction that holds the row.
 * `pending` was only ever seen inside that transaction.
 */
export class DeliveryClaims1764150100000 implements MigrationInterface {
  name = 'DeliveryClaims1764150100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE deliveries SET status = 'failed' WHERE status = 'pending'`);
    await queryRunner.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check`);
    await queryRunner.query(
      `ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('sending', 'delivered', 'failed'))`,
    );
    await queryRunner.query(`ALTER TABLE deliveries ALTER COLUMN status SET DEFAULT 'sending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE deliveries SET status = 'failed' WHERE status = 'sending'`);
    await queryRunner.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check`);
    await queryRunner.query(
      `ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'delivered', 'failed'))`,
    );
    await queryRunner.query(`ALTER TABLE deliveries ALTER COLUMN status SET DEFAULT 'pending'`);
  }
}
