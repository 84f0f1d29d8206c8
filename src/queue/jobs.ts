/**
 * Every queue, job name and payload in one place, so producers and processors cannot disagree.
 * Add a job by adding its payload here and its queue in JOB_QUEUE; boot fails if no handler registers for it.
 */
export const QueueName = {
  System: 'system',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobPayloads {
  'system.heartbeat': { requestedAt: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [N in JobName]: QueueName } = {
  'system.heartbeat': QueueName.System,
};

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], meta: { jobId: string | undefined; attemptsMade: number }) => Promise<unknown>;
