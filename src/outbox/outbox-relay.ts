import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxEvent } from './event-listeners';

const BATCH_SIZE = 500;

interface OutboxRow {
  id: string;
  organization_id: string;
  type: string;
  aggregate_id: string | null;
  payload: Record<string, unknown>;
}

/**
 * Moves unpublished outbox rows into the `events` queue, at least once: rows are locked (SKIP LOCKED, so
 * several workers share the work), added with the deterministic job id `event-<id>`, and marked published
 * in the same transaction. If Redis is down the add fails or times out, the transaction rolls back and the
 * rows wait for the next pass; a late add that does land is harmless because the job id dedupes it.
 */
export class OutboxRelay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventsQueue: Queue,
    private readonly addTimeoutMs = 5000,
  ) {}

  /** One batch; returns how many rows were published. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id::text, organization_id, type, aggregate_id, payload FROM outbox_events
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      if (!rows.length) return 0;
      const jobs = rows.map((row) => ({
        name: 'events.dispatch',
        data: toEvent(row),
        opts: { jobId: `event-${row.id}` },
      }));
      await withTimeout(this.eventsQueue.addBulk(jobs), this.addTimeoutMs);
      await manager.query(`UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /** Publishes until the outbox is empty. */
  async drain(): Promise<number> {
    let total = 0;
    for (let published = await this.publishBatch(); published > 0; published = await this.publishBatch())
      total += published;
    return total;
  }
}

function toEvent(row: OutboxRow): OutboxEvent {
  const payloadTask = typeof row.payload.taskId === 'string' ? row.payload.taskId : null;
  return {
    eventId: row.id,
    type: row.type,
    organizationId: row.organization_id,
    taskId: payloadTask ?? row.aggregate_id,
    payload: row.payload,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis 在 ${ms} 毫秒内未响应，事件稍后重新发布`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
