import { Injectable } from '@nestjs/common';
import { EventListenerRegistry } from '../outbox/event-listeners';
import { JobRegistry } from '../queue/job-registry';
import { WORKLOG_CHANGED } from '../worklog/worklog-events';
import { RollupService } from './rollup.service';

/** Any of these changes what the draft would say about a task. */
export const DRAFT_AFFECTING_EVENTS = [
  'task.created',
  'task.assigned',
  'task.status_changed',
  'task.completed',
  'task.deadline_changed',
  'task.review_requested',
  'task.rejected',
  'task.updated',
];

@Injectable()
export class RollupWorker {
  constructor(registry: JobRegistry, listeners: EventListenerRegistry, rollup: RollupService) {
    registry.register('rollup.rebuild', (payload) =>
      rollup.rebuild(payload.organizationId, payload.year).then(() => undefined),
    );
    for (const type of DRAFT_AFFECTING_EVENTS) {
      listeners.on(type, async (event) => {
        if (event.taskId) await rollup.scheduleRebuildForTask(event.organizationId, event.taskId);
      });
    }
    // A 工作纪实 entry in the report changed: the drafts of the years it was and is dated in.
    listeners.on(WORKLOG_CHANGED, async (event) => {
      const years = Array.isArray(event.payload.years) ? event.payload.years : [];
      for (const year of years)
        if (Number.isInteger(year)) await rollup.scheduleRebuild(event.organizationId, year);
    });
  }
}
