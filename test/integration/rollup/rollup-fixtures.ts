import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { EventListenerRegistry } from '../../../src/outbox/event-listeners';
import { parseReport } from '../../../src/parsing';
import { queueProcessor } from '../../../src/queue/processors';
import { QueueName } from '../../../src/queue/jobs';
import { QueueModule } from '../../../src/queue/queue.module';
import { RollupWorkerModule } from '../../../src/rollup/rollup.module';
import { RUNTIME } from '../../../src/runtime/runtime';
import { testRuntime } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-env';

export const SEED_001 = '/work/shared/seeds/001_e130f611d196ff54.txt';

/** Sample report 001 (on 2024, plans for 2025) when the shared seeds are present, else a small report of the same shape. */
export function sampleReportText(): string {
  return readFileSync(existsSync(SEED_001) ? SEED_001 : `${__dirname}/fixtures/report-2024.txt`, 'utf8');
}

/** The same report as if written a year earlier: on 2023, planning 2024. */
export function shiftedOneYearEarlier(text: string): string {
  return text
    .replace(/2025/g, '＜Y+1＞')
    .replace(/2024/g, '2023')
    .replace(/＜Y\+1＞/g, '2024');
}

/**
 * Only what the rollup worker needs (database, queues, the listener registry, the rollup processor), so these
 * specs exercise rollup without depending on every other feature's worker.
 */
export async function startRollupContext(): Promise<INestApplicationContext> {
  const runtime = testRuntime('worker');
  @Global()
  @Module({
    providers: [{ provide: RUNTIME, useValue: runtime }, EventListenerRegistry],
    exports: [RUNTIME, EventListenerRegistry],
  })
  class RollupTestRuntimeModule {}
  @Module({
    imports: [
      RollupTestRuntimeModule,
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: testDatabaseUrl(),
        autoLoadEntities: true,
        synchronize: false,
      }),
      QueueModule,
      RollupWorkerModule,
    ],
    providers: [queueProcessor(QueueName.Rollup, runtime.config)],
  })
  class RollupTestModule {}
  const context = await NestFactory.createApplicationContext(RollupTestModule, { logger: ['error'] });
  await context.init();
  return context;
}

export async function connectDb(): Promise<Client> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  return client;
}

export interface ImportedTask {
  id: string;
  kind: 'plan' | 'rectification';
  itemKind: string;
  title: string;
}

/** Stores a report with its parsed items and one task per item, as the ledger does on upload and confirmation. */
export async function importReport(
  db: Client,
  organizationId: string,
  text: string,
  deadline = '2025-12-31',
): Promise<ImportedTask[]> {
  const parse = parseReport(text);
  const { rows } = await db.query(
    `INSERT INTO reports (organization_id, file_name, sha256, size_bytes, storage_path, text, organization_name, report_year, plan_year, title, parse)
     VALUES ($1, 'report.txt', $2, $3, 'none', $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      organizationId,
      randomUUID().replace(/-/g, '').padEnd(64, '0'),
      text.length,
      parse.text,
      parse.organization,
      parse.reportYear,
      parse.planYear,
      parse.title,
      JSON.stringify({ sections: parse.sections }),
    ],
  );
  const tasks: ImportedTask[] = [];
  for (const [seq, item] of parse.items.entries()) {
    const inserted = await db.query(
      `INSERT INTO report_items (report_id, organization_id, seq, kind, title, text, start_offset, end_offset, heading_path)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        rows[0].id,
        organizationId,
        seq,
        item.kind,
        item.title,
        item.text,
        item.start,
        item.end,
        item.headingPath,
      ],
    );
    const kind = item.kind === 'plan' ? 'plan' : 'rectification';
    const task = await db.query(
      `INSERT INTO tasks (organization_id, report_id, report_item_id, kind, item_kind, title, source_text, plan_year, heading_path, deadline, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'assigned') RETURNING id`,
      [
        organizationId,
        rows[0].id,
        inserted.rows[0].id,
        kind,
        item.kind,
        item.title,
        item.text,
        parse.planYear,
        item.headingPath,
        deadline,
      ],
    );
    tasks.push({ id: task.rows[0].id, kind, itemKind: item.kind, title: item.title });
  }
  return tasks;
}

export async function completeTask(
  db: Client,
  taskId: string,
  outcome: string,
  completedAt = '2025-06-30T10:00:00+08:00',
): Promise<void> {
  await db.query(
    `UPDATE tasks SET status = 'completed', progress = 100, outcome = $2, completed_at = $3 WHERE id = $1`,
    [taskId, outcome, completedAt],
  );
}

export async function addProgressNote(
  db: Client,
  organizationId: string,
  taskId: string,
  note: string,
): Promise<void> {
  await db.query(
    `INSERT INTO task_updates (task_id, organization_id, progress, note) VALUES ($1, $2, 30, $3)`,
    [taskId, organizationId, note],
  );
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('等待超时');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
