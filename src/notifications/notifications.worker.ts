import { Injectable } from '@nestjs/common';
import { JobRegistry } from '../queue/job-registry';
import { DELIVERY_CHANNELS, DELIVERY_JOB } from '../queue/jobs';
import { DeliveryService } from './delivery.service';

@Injectable()
export class NotificationsWorker {
  constructor(registry: JobRegistry, deliveries: DeliveryService) {
    for (const channel of DELIVERY_CHANNELS)
      registry.register(DELIVERY_JOB[channel], (payload) =>
        deliveries.deliver(payload.notificationId, channel),
      );
  }
}
