/**
 * Thrown by a job handler that cannot do its work yet but will be able to, such as a robot that has used up its
 * sending window. Within `withinMs` of the job's creation the processor puts the job back as delayed without
 * spending one of its attempts; after that it is an ordinary failure.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryInMs: number,
    readonly withinMs: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** When the job should run again, or undefined when its grace period is over and the failure should count. */
export function deferredUntil(error: unknown, jobCreatedAt: number, now: number): number | undefined {
  if (!(error instanceof RetryLaterError)) return undefined;
  return now - jobCreatedAt < error.withinMs ? now + error.retryInMs : undefined;
}
