import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule } from '../identity/identity.module';
import { NotificationsCoreModule } from '../notifications/notifications.module';
import { TasksDataModule } from '../tasks/tasks.module';
import { ReminderSweep } from './reminder-sweep.entity';
import { ReminderSweepRepository } from './reminder-sweep.repository';
import { ReminderSweepService } from './reminder-sweep.service';
import { RemindersController } from './reminders.controller';
import { RemindersWorker } from './reminders.worker';
import { StartupSweep } from './startup-sweep';

const SWEEPS = [
  TypeOrmModule.forFeature([ReminderSweep]),
  TasksDataModule,
  IdentityCoreModule,
  NotificationsCoreModule,
];

@Module({
  imports: SWEEPS,
  controllers: [RemindersController],
  providers: [ReminderSweepService, ReminderSweepRepository, StartupSweep],
  exports: [StartupSweep],
})
export class RemindersModule {}

/** Worker mode: the daily scheduled sweep, each organization's part of a sweep, and queueing what requests could not. */
@Module({
  imports: SWEEPS,
  providers: [ReminderSweepService, ReminderSweepRepository, RemindersWorker],
})
export class RemindersWorkerModule {}
