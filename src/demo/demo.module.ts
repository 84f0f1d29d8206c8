import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity/identity.module';
import { RemindersModule } from '../reminders/reminders.module';
import { ReportsModule } from '../reports/reports.module';
import { TasksDataModule, TasksModule } from '../tasks/tasks.module';
import { WorklogModule } from '../worklog/worklog.module';
import { DemoSeederService } from './demo-seeder.service';
import { MetaController } from './meta.controller';

@Module({
  imports: [IdentityCoreModule, ReportsModule, TasksModule, TasksDataModule, RemindersModule, WorklogModule],
  controllers: [MetaController],
  providers: [DemoSeederService],
})
export class DemoModule {}
