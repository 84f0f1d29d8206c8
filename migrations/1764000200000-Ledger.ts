import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rectification ledger: uploaded reports, their parsed items, the tasks made from them and the
 * append-only history of every change. Organization/unit/user ids are plain uuids (no FKs) so this
 * migration does not depend on the identity tables' exact shape.
 */
export class Ledger1764000200000 implements MigrationInterface {
  name = 'Ledger1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        sha256 char(64) NOT NULL,
        size_bytes int NOT NULL,
        storage_path varchar(500) NOT NULL,
        text text NOT NULL,
        organization_name varchar(200),
        report_year int,
        plan_year int,
        title varchar(500),
        parse jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_org_sha256_unique UNIQUE (organization_id, sha256)
      )`);
    await queryRunner.query(`
      CREATE TABLE report_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        seq int NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('problem','cause','measure','plan')),
        title text NOT NULL,
        text text NOT NULL,
        start_offset int NOT NULL,
        end_offset int NOT NULL,
        heading_path text[] NOT NULL DEFAULT '{}',
        suggested_units text[] NOT NULL DEFAULT '{}',
        suggested_deadline date,
        long_term boolean NOT NULL DEFAULT false,
        CONSTRAINT report_items_seq_unique UNIQUE (report_id, seq)
      )`);
    await queryRunner.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        report_id uuid REFERENCES reports(id),
        report_item_id uuid UNIQUE REFERENCES report_items(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('rectification','plan')),
        item_kind varchar(16) NOT NULL CHECK (item_kind IN ('problem','cause','measure','plan')),
        title text NOT NULL,
        source_text text NOT NULL,
        plan_year int,
        heading_path text[] NOT NULL DEFAULT '{}',
        leader_id uuid,
        unit_id uuid,
        assignee_id uuid,
        deadline date,
        status varchar(16) NOT NULL DEFAULT 'new'
          CHECK (status IN ('new','assigned','in_progress','pending_review','completed','cancelled')),
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        outcome text,
        long_term boolean NOT NULL DEFAULT false,
        evidence_interval varchar(16) CHECK (evidence_interval IN ('monthly','quarterly')),
        assigned_at timestamptz,
        completed_at timestamptz,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (title || ' ' || source_text) STORED
      )`);
    await queryRunner.query(
      `CREATE INDEX tasks_org_status_deadline_idx ON tasks (organization_id, status, deadline)`,
    );
    await queryRunner.query(`CREATE INDEX tasks_org_unit_idx ON tasks (organization_id, unit_id)`);
    await queryRunner.query(`CREATE INDEX tasks_org_leader_idx ON tasks (organization_id, leader_id)`);
    await queryRunner.query(`CREATE INDEX tasks_org_assignee_idx ON tasks (organization_id, assignee_id)`);
    await queryRunner.query(`CREATE INDEX tasks_org_plan_year_idx ON tasks (organization_id, plan_year)`);
    await queryRunner.query(
      `CREATE INDEX tasks_search_trgm_idx ON tasks USING gin (search_text gin_trgm_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE task_history (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks(id),
        organization_id uuid NOT NULL,
        actor_id uuid,
        action varchar(32) NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX task_history_task_idx ON task_history (task_id, id)`);
    await queryRunner.query(`
      CREATE FUNCTION task_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'task_history is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER task_history_no_change BEFORE UPDATE OR DELETE ON task_history
        FOR EACH ROW EXECUTE FUNCTION task_history_append_only()`);
    await queryRunner.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        task_id uuid NOT NULL REFERENCES tasks(id),
        update_id uuid,
        file_name varchar(255) NOT NULL,
        mime_type varchar(100),
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        storage_path varchar(500) NOT NULL,
        uploaded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE task_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        organization_id uuid NOT NULL,
        author_id uuid,
        status_from varchar(16),
        status_to varchar(16),
        progress int CHECK (progress BETWEEN 0 AND 100),
        note text NOT NULL,
        outcome text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX task_updates_task_idx ON task_updates (task_id, created_at)`);
    await queryRunner.query(`CREATE INDEX evidence_files_task_idx ON evidence_files (task_id)`);
    await queryRunner.query(`
      CREATE TABLE extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        organization_id uuid NOT NULL,
        requested_by uuid,
        current_deadline date,
        requested_deadline date NOT NULL,
        reason text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','refused')),
        decided_by uuid,
        decided_at timestamptz,
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX extension_requests_task_idx ON extension_requests (task_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE extension_requests`);
    await queryRunner.query(`DROP TABLE task_updates`);
    await queryRunner.query(`DROP TABLE evidence_files`);
    await queryRunner.query(`DROP TABLE task_history`);
    await queryRunner.query(`DROP FUNCTION task_history_append_only()`);
    await queryRunner.query(`DROP TABLE tasks`);
    await queryRunner.query(`DROP TABLE report_items`);
    await queryRunner.query(`DROP TABLE reports`);
  }
}
