import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { startWorker } from '../../support/test-app';
import { Fixtures } from '../../support/fixtures';
import { waitFor } from '../../support/wait-for';
import { sampleReportText } from './rollup-fixtures';

describe('events in the outbox rebuild the draft through the real workers', () => {
  let worker: INestApplicationContext;
  let fx: Fixtures;

  beforeAll(async () => {
    fx = await Fixtures.connect();
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await fx?.close();
  });

  it('relays task.completed to a rebuild that contains the new outcome', async () => {
    const organizationId = randomUUID();
    const tasks = await fx.importReport(organizationId, sampleReportText());
    const plan = tasks.find((task) => task.kind === 'plan')!;
    await fx.complete(plan.id, '经由发件箱触发的成效。');
    await fx.query(
      `INSERT INTO outbox_events (organization_id, type, aggregate_id, payload) VALUES ($1, 'task.completed', $2, $3)`,
      [organizationId, plan.id, JSON.stringify({ taskId: plan.id, actorId: plan.id })],
    );
    const content = await waitFor(async () => {
      const rows = await fx.query(
        `SELECT content FROM report_drafts WHERE organization_id = $1 AND year = 2025`,
        [organizationId],
      );
      return rows[0]?.content;
    });
    expect(JSON.stringify(content)).toContain('经由发件箱触发的成效。');
  }, 30_000);

  it('relays worklog.changed to a rebuild of each year it names, with the entry in the report', async () => {
    const organizationId = randomUUID();
    await fx.importReport(organizationId, sampleReportText());
    await fx.query(
      `INSERT INTO worklog_entries (organization_id, entry_date, category, text, in_report)
       VALUES ($1, '2025-04-02', 'leadership', '镇党委书记带头讲授法治课1次', true)`,
      [organizationId],
    );
    await fx.query(
      `INSERT INTO outbox_events (organization_id, type, payload) VALUES ($1, 'worklog.changed', $2)`,
      [organizationId, JSON.stringify({ years: [2025] })],
    );
    const content = await waitFor(async () => {
      const rows = await fx.query(
        `SELECT content FROM report_drafts WHERE organization_id = $1 AND year = 2025`,
        [organizationId],
      );
      return rows[0]?.content;
    });
    expect(JSON.stringify(content)).toContain('镇党委书记带头讲授法治课1次');
  }, 30_000);
});
