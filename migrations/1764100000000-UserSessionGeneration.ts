import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's session generation: every access token carries the generation it was issued at, and moving it (password
 * reset or change, role change, deactivation) makes all tokens issued before refuse at once, in every API process
 * once their cached account is dropped. The index serves "revoke every refresh token of this user".
 */
export class UserSessionGeneration1764100000000 implements MigrationInterface {
  name = 'UserSessionGeneration1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN session_generation integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX refresh_tokens_user_idx`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN session_generation`);
  }
}
