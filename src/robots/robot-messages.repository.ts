import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RobotReminder } from './robot-reminder';

export interface QueuedRobotMessage {
  robotId: string;
  organizationId: string;
  deliveryKey: string;
  reminder: RobotReminder;
}

export interface ClaimedBatch {
  /** Stable across retries of the batch: the same messages always go out under the same id. */
  batchId: string;
  ids: string[];
  reminders: RobotReminder[];
}

/** How a send ended, as far as the queued rows are concerned. */
export interface SettleRule {
  mode: 'delivered' | 'deferred' | 'attempted';
  error: string | null;
  /** attempted: the row fails once it has made this many attempts. */
  attemptCap: number;
  /** deferred: the row fails once it has been put off this many times. */
  deferralCap: number;
  /** deferred: when to try again. */
  deferMs: number;
  /** attempted: first retry delay, doubled per attempt made. */
  backoffMs: number;
}

export interface SettledMessage {
  robotId: string;
  deliveryKey: string;
  status: 'pending' | 'delivered' | 'failed';
  error: string | null;
}

/** A claim older than this belongs to a worker that died mid-send (sends time out within a minute). */
const SENDING_LEASE = '10 minutes';

/** Rows that may be claimed by `token` now: due pending rows, its own earlier claim, or a claim whose lease ran out. */
const CLAIMABLE = `robot_id = $1 AND (
  (status = 'pending' AND next_attempt_at <= now())
  OR (status = 'sending' AND (claim_token = $2 OR updated_at < now() - interval '${SENDING_LEASE}')))`;

/** All SQL on robot_messages: the durable queue of what each robot still has to say. */
@Injectable()
export class RobotMessagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Queues each message once per robot and delivery key; returns how many were new. */
  async insert(messages: QueuedRobotMessage[]): Promise<number> {
    if (!messages.length) return 0;
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO robot_messages (robot_id, organization_id, delivery_key, reminder)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[])
       ON CONFLICT (robot_id, delivery_key) DO NOTHING RETURNING id`,
      [
        messages.map((m) => m.robotId),
        messages.map((m) => m.organizationId),
        messages.map((m) => m.deliveryKey),
        messages.map((m) => JSON.stringify(m.reminder)),
      ],
    );
    return rows.length;
  }

  async hasClaimable(robotId: string, token: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM robot_messages WHERE ${CLAIMABLE}) AS due`,
      [robotId, token],
    );
    return row.due;
  }

  /**
   * Claims the next batch for `token`. A batch that failed before is claimed again exactly as it was (same rows, same
   * id), so receivers that deduplicate on the delivery id see a retry, not a new message. Otherwise `take` decides how
   * many of the oldest waiting messages fit into one message.
   */
  claim(
    robotId: string,
    token: string,
    limit: number,
    take: (reminders: RobotReminder[]) => number,
  ): Promise<ClaimedBatch | null> {
    return this.dataSource.transaction(async (manager) => {
      const candidates: { id: string; reminder: RobotReminder; batch_id: string | null }[] =
        await manager.query(
          `SELECT id, reminder, batch_id FROM robot_messages WHERE ${CLAIMABLE}
          ORDER BY batch_id IS NULL, batch_id, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
          [robotId, token, limit],
        );
      if (!candidates.length) return null;
      const retried = candidates[0].batch_id;
      const chosen = retried
        ? candidates.filter((row) => row.batch_id === retried)
        : candidates.slice(0, take(candidates.map((row) => row.reminder)));
      const ids = chosen.map((row) => row.id);
      const batchId = retried ?? batchIdOf(robotId, ids);
      await manager.query(
        `UPDATE robot_messages SET status = 'sending', claim_token = $2, batch_id = $3, updated_at = now()
          WHERE id = ANY($1::bigint[])`,
        [ids, token, batchId],
      );
      return { batchId, ids, reminders: chosen.map((row) => row.reminder) };
    });
  }

  /** Records how the batch's send ended; rows that reached delivered or failed are returned with their outcome. */
  async settle(
    manager: EntityManager,
    batch: ClaimedBatch,
    token: string,
    rule: SettleRule,
  ): Promise<SettledMessage[]> {
    const rows: {
      robot_id: string;
      delivery_key: string;
      status: SettledMessage['status'];
      last_error: string | null;
    }[] = await manager.query(
      `WITH settled AS (
           UPDATE robot_messages m SET
             status = CASE
               WHEN $2 = 'delivered' THEN 'delivered'
               WHEN $2 = 'deferred' THEN CASE WHEN m.deferrals + 1 >= $5 THEN 'failed' ELSE 'pending' END
               ELSE CASE WHEN m.attempts + 1 >= $4 THEN 'failed' ELSE 'pending' END
             END,
             attempts = m.attempts + CASE WHEN $2 = 'deferred' THEN 0 ELSE 1 END,
             deferrals = m.deferrals + CASE WHEN $2 = 'deferred' THEN 1 ELSE 0 END,
             next_attempt_at = now() + make_interval(secs => CASE
               WHEN $2 = 'deferred' THEN $6::float8
               ELSE $7::float8 * power(2, m.attempts) END / 1000.0),
             last_error = $3,
             delivered_at = CASE WHEN $2 = 'delivered' THEN now() END,
             claim_token = NULL,
             updated_at = now()
           WHERE m.id = ANY($1::bigint[]) AND m.status = 'sending' AND m.claim_token = $8
           RETURNING m.robot_id, m.delivery_key, m.status, m.last_error)
         SELECT * FROM settled`,
      [
        batch.ids,
        rule.mode,
        rule.error,
        rule.attemptCap,
        rule.deferralCap,
        rule.deferMs,
        rule.backoffMs,
        token,
      ],
    );
    return rows.map((row) => ({
      robotId: row.robot_id,
      deliveryKey: row.delivery_key,
      status: row.status,
      error: row.last_error,
    }));
  }

  async findRobotsWithOpenMessages(): Promise<string[]> {
    const rows: { robot_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT robot_id FROM robot_messages WHERE status IN ('pending', 'sending')`,
    );
    return rows.map((row) => row.robot_id);
  }

  /** When the robot's next waiting message becomes due, or null when nothing waits. */
  async nextDueAt(robotId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT min(next_attempt_at) AS due FROM robot_messages WHERE robot_id = $1 AND status = 'pending'`,
      [robotId],
    );
    return row.due ? new Date(row.due) : null;
  }

  /** A robot taken out of the configuration can never send: its waiting messages fail with `reason`. */
  async failOpen(manager: EntityManager, robotIds: string[], reason: string): Promise<SettledMessage[]> {
    if (!robotIds.length) return [];
    const rows: { robot_id: string; delivery_key: string; last_error: string }[] = await manager.query(
      `WITH failed AS (
         UPDATE robot_messages SET status = 'failed', last_error = $2, claim_token = NULL, updated_at = now()
          WHERE robot_id = ANY($1::uuid[]) AND status IN ('pending', 'sending')
         RETURNING robot_id, delivery_key, last_error)
       SELECT * FROM failed`,
      [robotIds, reason],
    );
    return rows.map((row) => ({
      robotId: row.robot_id,
      deliveryKey: row.delivery_key,
      status: 'failed' as const,
      error: row.last_error,
    }));
  }
}

function batchIdOf(robotId: string, ids: string[]): string {
  return createHash('sha256')
    .update(`${robotId}:${ids.join(',')}`)
    .digest('hex')
    .slice(0, 32);
}
