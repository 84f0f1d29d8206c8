import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated drafts of next year's report (one per organization and year) and the office's edits to their
 * paragraphs, kept apart so a rebuild replaces the generated text without touching what people wrote.
 */
export class Drafts1764000400000 implements MigrationInterface {
  name = 'Drafts1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_drafts (
        organization_id uuid NOT NULL,
        year int NOT NULL,
        content jsonb NOT NULL,
        source_hash char(64) NOT NULL,
        build_count int NOT NULL DEFAULT 1,
        built_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE draft_paragraph_edits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        year int NOT NULL,
        paragraph_id varchar(500) NOT NULL,
        text text NOT NULL,
        edited_by uuid,
        edited_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT draft_paragraph_edits_unique UNIQUE (organization_id, year, paragraph_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE draft_paragraph_edits`);
    await queryRunner.query(`DROP TABLE report_drafts`);
  }
}
