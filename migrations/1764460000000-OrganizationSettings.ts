import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settings an organization's administrator chooses (src/identity/organization-settings.ts): who its annual report is
 * addressed to, the deadline suggested when a report names none, whether 申请销号 needs evidence. One JSON object
 * per organization, so a new setting needs no migration; unknown keys are never written (the API validates).
 */
export class OrganizationSettings1764460000000 implements MigrationInterface {
  name = 'OrganizationSettings1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE organizations ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organizations DROP COLUMN settings`);
  }
}
