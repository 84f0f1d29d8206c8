import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office's edits to a draft go beyond replacing a paragraph's text: a paragraph can be removed, moved (to a
 * part, after another paragraph) or added. `text` is null when only the position or removal changed;
 * `added_style` marks a paragraph the office wrote itself; `placed_at` orders moves, so replaying them gives the
 * order the office saw.
 */
export class DraftParagraphLayout1764300100000 implements MigrationInterface {
  name = 'DraftParagraphLayout1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE draft_paragraph_edits
        ALTER COLUMN text DROP NOT NULL,
        ADD COLUMN removed boolean NOT NULL DEFAULT false,
        ADD COLUMN added_style varchar(16) CHECK (added_style IN ('body', 'subheading')),
        ADD COLUMN section_key varchar(32),
        ADD COLUMN after_paragraph_id varchar(500),
        ADD COLUMN placed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM draft_paragraph_edits WHERE text IS NULL OR added_style IS NOT NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE draft_paragraph_edits
        DROP COLUMN placed_at,
        DROP COLUMN after_paragraph_id,
        DROP COLUMN section_key,
        DROP COLUMN added_style,
        DROP COLUMN removed,
        ALTER COLUMN text SET NOT NULL`);
  }
}
