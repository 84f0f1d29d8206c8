import { Injectable } from '@nestjs/common';
import { JobRegistry } from '../queue/job-registry';
import { DELIVERY_CHANNELS, DELIVERY_JOB } from '../queue/jobs';
import { DeliveryService } from './delivery.service';
import { RobotDeliveries } from './robot-deliveries';

@Injectable()
export class NotificationsWorker {
  constructor(registry: JobRegistry, deliveries: DeliveryService, robots: RobotDeliveries) {
    registry.register('deliveries.robot', (payload) => robots.deliver(payload.notificationId));
    for (const channel of DELIVERY_CHANNELS)
      registry.register(DELIVERY_JOB[channel], (payload) =>
        deliveries.deliver(payload.notificationId, channel),
      );
  }
}
