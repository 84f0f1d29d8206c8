import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule } from '../identity/identity.module';
import { RobotsCoreModule } from '../robots/robots.module';
import { TasksDataModule } from '../tasks/tasks.module';
import { EmailChannel } from './channels/email.channel';
import { WebhookChannel } from './channels/webhook.channel';
import { RobotDeliveries } from './robot-deliveries';
import { Delivery } from './delivery.entity';
import { DeliveryService } from './delivery.service';
import { EventNotifications } from './event-notifications';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotificationsWorker } from './notifications.worker';

/** Storing notifications and queueing their deliveries, for any feature that notifies (reminders, events). */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, Delivery]), RobotsCoreModule],
  providers: [NotificationRepository, NotificationsService],
  exports: [NotificationRepository, NotificationsService],
})
export class NotificationsCoreModule {}

@Module({
  imports: [NotificationsCoreModule],
  controllers: [NotificationsController],
})
export class NotificationsModule {}

/** Worker mode: delivers on the external channels and turns task events into notifications. */
@Module({
  imports: [NotificationsCoreModule, IdentityCoreModule, TasksDataModule, RobotsCoreModule],
  providers: [
    DeliveryService,
    EmailChannel,
    WebhookChannel,
    RobotDeliveries,
    NotificationsWorker,
    EventNotifications,
  ],
})
export class NotificationsWorkerModule {}
