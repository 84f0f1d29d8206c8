/**
 * How ioredis reports that Redis cannot be reached. It never hands a command the socket's ECONNREFUSED or
 * ETIMEDOUT (those go to the client's 'error' event): a command on a client without an offline queue fails with
 * "Stream isn't writeable…", a pending one or a failed `connect()` with "Connection is closed.", and a queued one
 * that ran out of retries with MaxRetriesPerRequestError. None of these texts comes from node-postgres, so a
 * database outage is never taken for a Redis one (see database-unavailable.ts for that case).
 */
const OUTAGE_MESSAGES =
  /^(Connection is closed\.|Stream isn't writeable and enableOfflineQueue options is false|Reached the max retries per request limit)/;

/** Server replies meaning "up, but not serving yet" (a restart loading its data, a replica without its primary). */
const NOT_SERVING_REPLY = /^(LOADING|MASTERDOWN|TRYAGAIN|CLUSTERDOWN) /;

/** Whether an error means Redis is down or unreachable, so the request may succeed later (503) rather than being a bug. */
export function isRedisUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { name, message, cause } = error as { name?: unknown; message?: unknown; cause?: unknown };
  if (name === 'MaxRetriesPerRequestError') return true;
  if (typeof message === 'string') {
    if (OUTAGE_MESSAGES.test(message)) return true;
    if (name === 'ReplyError' && NOT_SERVING_REPLY.test(message)) return true;
  }
  return isRedisUnavailable(cause, depth + 1);
}
