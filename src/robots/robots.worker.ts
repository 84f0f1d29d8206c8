import { Injectable } from '@nestjs/common';
import { JobRegistry } from '../queue/job-registry';
import { RobotDispatcher } from './robot-dispatcher';

@Injectable()
export class RobotsWorker {
  constructor(registry: JobRegistry, dispatcher: RobotDispatcher) {
    registry.register('robots.flush', ({ robotId }, { jobId }) =>
      dispatcher.flush(robotId, jobId ?? `robot:${robotId}`),
    );
  }
}
