import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { CountyModule, CountyWorkerModule } from './county/county.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { NotificationsModule, NotificationsWorkerModule } from './notifications/notifications.module';
import { OutboxModule } from './outbox/outbox.module';
import { UploadParsingModule } from './parse-worker/upload-parsing.module';
import { RemindersModule, RemindersWorkerModule } from './reminders/reminders.module';
import { RollupModule, RollupWorkerModule } from './rollup/rollup.module';
import { QueueDashboardModule } from './queue/queue-dashboard.module';
import { QueueModule } from './queue/queue.module';
import { ReportsModule } from './reports/reports.module';
import { RobotsModule, RobotsWorkerModule } from './robots/robots.module';
import { SupervisionModule } from './supervision/supervision.module';
import { TasksModule } from './tasks/tasks.module';
import { WorkerModule } from './queue/worker.module';
import { WorklogModule } from './worklog/worklog.module';
import { WebModule } from './web/web.module';
import { OrganizationCalendar } from './runtime/organization-calendar';
import { Runtime, RUNTIME } from './runtime/runtime';
import { loggerOptions } from './runtime/logger-options';

/** Feature modules with HTTP controllers (api and all modes). */
const API_MODULES: Type[] = [
  HealthModule,
  CountyModule,
  IdentityModule,
  NotificationsModule,
  RemindersModule,
  QueueDashboardModule,
  RollupModule,
  ReportsModule,
  RobotsModule,
  TasksModule,
  SupervisionModule,
  WorklogModule,
  WebModule,
  DemoModule,
  UploadParsingModule,
];
/** Queue consumers (worker and all modes), besides WorkerModule, which is built from the configuration. */
const WORKER_MODULES: Type[] = [
  OutboxModule,
  CountyWorkerModule,
  NotificationsWorkerModule,
  RemindersWorkerModule,
  RollupWorkerModule,
  RobotsWorkerModule,
];

@Global()
@Module({})
class RuntimeModule {
  static register(runtime: Runtime): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: OrganizationCalendar, useValue: new OrganizationCalendar(runtime.config.TIME_ZONE) },
      ],
      exports: [RUNTIME, OrganizationCalendar],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const serveHttp = runtime.mode !== 'worker';
    const runWorkers = runtime.mode !== 'api';
    return {
      module: AppModule,
      imports: [
        RuntimeModule.register(runtime),
        LoggerModule.forRoot(loggerOptions(runtime.config)),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: runtime.databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          extra: { max: runtime.config.DB_POOL_SIZE, connectionTimeoutMillis: 5000 },
        }),
        QueueModule,
        ...(serveHttp ? API_MODULES : []),
        ...(runWorkers ? [WorkerModule.forRoot(runtime.config), ...WORKER_MODULES] : []),
      ],
      providers: serveHttp ? [{ provide: APP_FILTER, useClass: HttpExceptionFilter }] : [],
    };
  }
}
