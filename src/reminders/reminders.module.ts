import { Module } from '@nestjs/common';
import { ReminderSweepService } from './reminder-sweep.service';
import { RemindersController } from './reminders.controller';
import { RemindersWorker } from './reminders.worker';

@Module({
  controllers: [RemindersController],
  providers: [ReminderSweepService],
})
export class RemindersModule {}

/** Worker mode: the daily scheduled sweep. */
@Module({
  providers: [ReminderSweepService, RemindersWorker],
})
export class RemindersWorkerModule {}
