import { DynamicModule, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobRegistry } from './job-registry';
import { queueProcessors } from './processors';
import { WorkerHeartbeatService } from './worker-heartbeat.service';

/** Loaded only in `worker` and `all` modes: the queue consumers. */
@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(private readonly registry: JobRegistry) {}

  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, providers: [...queueProcessors(config), WorkerHeartbeatService] };
  }

  onApplicationBootstrap(): void {
    this.registry.assertComplete();
  }
}
