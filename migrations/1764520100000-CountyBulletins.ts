import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The county's monthly 通报, one per organization and month: the unique key is what makes a second trigger (the
 * scheduler and a click on the same day, two workers) find the first document instead of writing another. The
 * figures are stored as they stood when it was issued, so the document reads the same however often it is
 * downloaded; the .docx is rendered from them on request (a county gets all lines, a township its own).
 */
export class CountyBulletins1764520100000 implements MigrationInterface {
  name = 'CountyBulletins1764520100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE county_bulletins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        month char(7) NOT NULL,
        title text NOT NULL,
        content jsonb NOT NULL,
        created_by uuid NULL REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT county_bulletins_month_unique UNIQUE (organization_id, month)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE county_bulletins`);
  }
}
