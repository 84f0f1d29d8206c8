import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 工作纪实: notable work recorded as it happens, its evidence files, and each organization's changes to the
 * categories of config/worklog-categories.json (renamed, added, deactivated). Organization, unit, user and task
 * ids are plain uuids, as in the ledger, so this migration does not depend on those tables' exact shape.
 */
export class Worklog1764300000000 implements MigrationInterface {
  name = 'Worklog1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE worklog_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        unit_id uuid,
        author_id uuid,
        entry_date date NOT NULL,
        category varchar(64) NOT NULL,
        kind varchar(16) NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'problem')),
        text text NOT NULL,
        cause text,
        task_id uuid,
        in_report boolean NOT NULL DEFAULT false,
        reported_by uuid,
        reported_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX worklog_entries_org_date_idx ON worklog_entries (organization_id, entry_date DESC, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX worklog_entries_in_report_idx ON worklog_entries (organization_id, entry_date) WHERE in_report`,
    );
    await queryRunner.query(`
      CREATE TABLE worklog_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        entry_id uuid NOT NULL REFERENCES worklog_entries(id) ON DELETE CASCADE,
        file_name varchar(255) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        storage_path varchar(500) NOT NULL,
        uploaded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX worklog_files_entry_idx ON worklog_files (entry_id)`);
    await queryRunner.query(`
      CREATE TABLE worklog_categories (
        organization_id uuid NOT NULL,
        key varchar(64) NOT NULL,
        label varchar(50),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE worklog_categories`);
    await queryRunner.query(`DROP TABLE worklog_files`);
    await queryRunner.query(`DROP TABLE worklog_entries`);
  }
}
