import { DataSource } from 'typeorm';
import { poolQuery } from '../../../src/db/pool-query';
import { TaskRepository } from '../../../src/tasks/task.repository';
import { createOrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';

describe('TaskRepository.readRevision', () => {
  let app: TestApp;
  let dataSource: DataSource;
  let tasks: TaskRepository;

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
    tasks = app.app.get(TaskRepository);
  });

  afterAll(() => app.close());

  const addTask = (organizationId: string) =>
    dataSource.query(
      `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, status) VALUES ($1, 'rectification', 'measure', '任务', '原文', 'new')`,
      [organizationId],
    );

  it("reads 0 before any task, then a revision that moves with the organization's own tasks only", async () => {
    const own = await createOrgWithUsers(app);
    const other = await createOrgWithUsers(app);
    expect(await tasks.readRevision(own.org.id)).toBe('0');
    await addTask(own.org.id);
    const after = await tasks.readRevision(own.org.id);
    expect(BigInt(after)).toBeGreaterThan(0n);
    await addTask(other.org.id);
    expect(await tasks.readRevision(own.org.id)).toBe(after);
  });

  it('is a statement each connection prepares once', async () => {
    const { org } = await createOrgWithUsers(app);
    // The pool hands out the client released last, so the next read usually lands on the connection that just
    // ran the revision read; a few tries absorb another query taking it in between.
    let prepared: Array<{ statement: string }> = [];
    for (let attempt = 0; attempt < 5 && !prepared.length; attempt++) {
      await tasks.readRevision(org.id);
      prepared = await poolQuery(
        dataSource,
        `SELECT statement FROM pg_prepared_statements WHERE name = 'tasks-revision'`,
        [],
      );
    }
    expect(prepared).toHaveLength(1);
    expect(prepared[0].statement).toContain('FROM task_list_revisions WHERE organization_id = $1');
  });
});
