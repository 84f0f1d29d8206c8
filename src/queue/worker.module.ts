import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { QUEUE_PROCESSORS } from './processors';
import { WorkerHeartbeatService } from './worker-heartbeat.service';

/** Loaded only in `worker` and `all` modes: the queue consumers. Feature worker modules import it. */
@Module({
  providers: [...QUEUE_PROCESSORS, WorkerHeartbeatService],
})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(private readonly registry: JobRegistry) {}

  onApplicationBootstrap(): void {
    this.registry.assertComplete();
  }
}
