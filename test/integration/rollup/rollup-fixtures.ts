import { existsSync, readFileSync } from 'node:fs';
import { Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventListenerRegistry } from '../../../src/outbox/event-listeners';
import { queueProcessor } from '../../../src/queue/processors';
import { QueueName } from '../../../src/queue/jobs';
import { QueueModule } from '../../../src/queue/queue.module';
import { RollupWorkerModule } from '../../../src/rollup/rollup.module';
import { OrganizationCalendar } from '../../../src/runtime/organization-calendar';
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
    providers: [
      { provide: RUNTIME, useValue: runtime },
      { provide: OrganizationCalendar, useValue: new OrganizationCalendar(runtime.config.TIME_ZONE) },
      EventListenerRegistry,
    ],
    exports: [RUNTIME, OrganizationCalendar, EventListenerRegistry],
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
