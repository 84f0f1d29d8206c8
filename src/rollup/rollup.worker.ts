import { Injectable } from '@nestjs/common';
import { EventListenerRegistry } from '../outbox/event-listeners';
import { JobRegistry } from '../queue/job-registry';
import { taskEventsOf } from '../queue/task-events';
import { RollupService } from './rollup.service';

/** Rebuilds drafts: on the debounced job, and scheduled by every event that changes what a draft says about a task. */
@Injectable()
export class RollupWorker {
  constructor(registry: JobRegistry, listeners: EventListenerRegistry, rollup: RollupService) {
    registry.register('rollup.rebuild', (payload) =>
      rollup.rebuild(payload.organizationId, payload.year).then(() => undefined),
    );
    for (const type of taskEventsOf('rollup'))
      listeners.on('rollup', type, (event) =>
        rollup.scheduleRebuildForTask(event.organizationId, event.taskId),
      );
    // A 工作纪实 entry in the report changed: the drafts of the years it was and is dated in.
    listeners.on('rollup', 'worklog.changed', async (event) => {
      for (const year of event.payload.years) await rollup.scheduleRebuild(event.organizationId, year);
    });
  }
}
