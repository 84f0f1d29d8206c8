import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { EventListenerRegistry } from '../../../src/outbox/event-listeners';
import { Fixtures } from '../../support/fixtures';
import { waitFor } from '../../support/wait-for';
import { sampleReportText, startRollupContext } from './rollup-fixtures';

describe('debounced draft rebuilds on task events', () => {
  let context: INestApplicationContext;
  let fx: Fixtures;

  beforeAll(async () => {
    fx = await Fixtures.connect();
    context = await startRollupContext();
  });

  afterAll(async () => {
    await context?.close();
    await fx?.close();
  });

  async function buildCount(organizationId: string): Promise<number> {
    const rows = await fx.query(
      `SELECT build_count FROM report_drafts WHERE organization_id = $1 AND year = 2025`,
      [organizationId],
    );
    return rows[0]?.build_count ?? 0;
  }

  it('turns a burst of 500 completion events into a few rebuilds that include the last change', async () => {
    const organizationId = randomUUID();
    const tasks = await fx.importReport(organizationId, sampleReportText());
    const listeners = context.get(EventListenerRegistry);
    const target = tasks.find((task) => task.kind === 'plan')!;
    for (let i = 0; i < 500; i++) {
      const taskId = tasks[i % tasks.length].id;
      if (i === 499) await fx.complete(target.id, '突发批量完成后的成效。');
      await listeners.dispatch({
        eventId: String(i),
        type: 'task.completed',
        organizationId,
        taskId,
        payload: { actorId: taskId },
      });
    }
    await waitFor(async () => (await buildCount(organizationId)) > 0);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // room for a follow-up rebuild, if one was due
    const builds = await buildCount(organizationId);
    expect(builds).toBeGreaterThanOrEqual(1);
    expect(builds).toBeLessThanOrEqual(5);
    const rows = await fx.query(
      `SELECT content FROM report_drafts WHERE organization_id = $1 AND year = 2025`,
      [organizationId],
    );
    expect(JSON.stringify(rows[0].content)).toContain('突发批量完成后的成效。');
  }, 30_000);

  it('ignores events about tasks without a plan year', async () => {
    const organizationId = randomUUID();
    await context.get(EventListenerRegistry).dispatch({
      eventId: 'x',
      type: 'task.completed',
      organizationId,
      taskId: randomUUID(),
      payload: { actorId: randomUUID() },
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await buildCount(organizationId)).toBe(0);
  }, 10_000);
});
