import { Injectable } from '@nestjs/common';
import { JobRegistry } from '../queue/job-registry';
import { DeliveryService } from './delivery.service';

@Injectable()
export class NotificationsWorker {
  constructor(registry: JobRegistry, deliveries: DeliveryService) {
    registry.register('notifications.deliver', (payload) => deliveries.deliver(payload));
  }
}
