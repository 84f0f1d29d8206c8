import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger sorts by deadline with open-ended tasks last, and filters "not overdue" as "due today or later, or
 * no deadline". On a plain (organization, status, deadline) index that OR was a per-row filter: listing the first
 * page of 10,000 in-progress tasks read and discarded every overdue one first. Keyed on COALESCE(deadline,
 * 'infinity') each of these filters is one index range, already in page order:
 * - one status (the ledger's status tabs); INCLUDE (deadline) lets their counts run as index-only scans;
 * - all open tasks (overdue, red and yellow lights: the dashboard);
 * - everything (the unfiltered ledger), with created_at and id so the page order needs no sort at all;
 * - one unit, leader or assignee (their own ledgers and dashboards), replacing the plain (organization, person) ones.
 * The plan-year index gains the task kind: "this year's plans" was a scan of the whole year with a per-row filter.
 */
const PEOPLE_COLUMNS = [
  { name: 'unit_id', index: 'unit' },
  { name: 'leader_id', index: 'leader' },
  { name: 'assignee_id', index: 'assignee' },
];

export class TaskDueIndex1764000500000 implements MigrationInterface {
  name = 'TaskDueIndex1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tasks_org_status_deadline_idx`);
    await queryRunner.query(
      `CREATE INDEX tasks_org_status_due_idx ON tasks (organization_id, status, (COALESCE(deadline, 'infinity'::date))) INCLUDE (deadline)`,
    );
    await queryRunner.query(
      `CREATE INDEX tasks_org_open_due_idx ON tasks (organization_id, (COALESCE(deadline, 'infinity'::date)), created_at, id)
         INCLUDE (status, deadline) WHERE status NOT IN ('completed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE INDEX tasks_org_due_idx ON tasks (organization_id, (COALESCE(deadline, 'infinity'::date)), created_at, id)`,
    );
    await queryRunner.query(`DROP INDEX tasks_org_plan_year_idx`);
    await queryRunner.query(
      `CREATE INDEX tasks_org_year_kind_idx ON tasks (organization_id, plan_year, kind)`,
    );
    for (const column of PEOPLE_COLUMNS) {
      await queryRunner.query(`DROP INDEX tasks_org_${column.index}_idx`);
      await queryRunner.query(
        `CREATE INDEX tasks_org_${column.index}_due_idx ON tasks (organization_id, ${column.name}, (COALESCE(deadline, 'infinity'::date)), created_at, id)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of PEOPLE_COLUMNS) {
      await queryRunner.query(`DROP INDEX tasks_org_${column.index}_due_idx`);
      await queryRunner.query(
        `CREATE INDEX tasks_org_${column.index}_idx ON tasks (organization_id, ${column.name})`,
      );
    }
    await queryRunner.query(`DROP INDEX tasks_org_year_kind_idx`);
    await queryRunner.query(`CREATE INDEX tasks_org_plan_year_idx ON tasks (organization_id, plan_year)`);
    await queryRunner.query(`DROP INDEX tasks_org_due_idx`);
    await queryRunner.query(`DROP INDEX tasks_org_open_due_idx`);
    await queryRunner.query(`DROP INDEX tasks_org_status_due_idx`);
    await queryRunner.query(
      `CREATE INDEX tasks_org_status_deadline_idx ON tasks (organization_id, status, deadline)`,
    );
  }
}
