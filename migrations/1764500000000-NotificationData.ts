import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a notice says beyond its text, for the screens and channels that act on it: the task page it links to, and
 * for a 催办 who pressed, what they wrote and whether it came from above (督办). Null for notices made before.
 */
export class NotificationData1764500000000 implements MigrationInterface {
  name = 'NotificationData1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN data jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN data`);
  }
}
