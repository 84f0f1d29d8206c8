import { Injectable } from '@nestjs/common';
import { JobRegistry } from '../queue/job-registry';
import { DeliveryService } from './delivery.service';
import { RobotDeliveries } from './robot-deliveries';

@Injectable()
export class NotificationsWorker {
  constructor(registry: JobRegistry, deliveries: DeliveryService, robots: RobotDeliveries) {
    registry.register('deliveries.robot', (payload) => robots.deliver(payload.notificationId));
    registry.register('deliveries.email', (payload) => deliveries.deliver(payload.notificationId, 'email'));
    registry.register('deliveries.webhook', (payload) =>
      deliveries.deliver(payload.notificationId, 'webhook', payload.robotsQueued),
    );
  }
}
