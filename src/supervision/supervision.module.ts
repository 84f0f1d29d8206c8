import { Module } from '@nestjs/common';
import { NotificationsCoreModule } from '../notifications/notifications.module';
import { OutboxDataModule } from '../outbox/outbox.module';
import { TasksDataModule, TasksModule } from '../tasks/tasks.module';
import { InboxService } from './inbox.service';
import { SupervisionController } from './supervision.controller';
import { UrgeService } from './urge.service';

/** The leader's follow-up: the inbox of waiting work, 催办 and 县级督办 with the township's answer. */
@Module({
  imports: [TasksModule, TasksDataModule, OutboxDataModule, NotificationsCoreModule],
  controllers: [SupervisionController],
  providers: [InboxService, UrgeService],
})
export class SupervisionModule {}
