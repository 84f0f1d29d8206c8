import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobRegistry } from '../queue/job-registry';
import { RobotDispatcher } from './robot-dispatcher';

@Injectable()
export class RobotsWorker implements OnApplicationBootstrap {
  constructor(
    registry: JobRegistry,
    private readonly dispatcher: RobotDispatcher,
  ) {
    registry.register('robots.flush', ({ robotId }, { jobId }) =>
      dispatcher.flush(robotId, jobId ?? `robot:${robotId}`),
    );
  }

  /** Flush jobs lost with Redis are made again from the queued rows. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dispatcher.resume();
  }
}
