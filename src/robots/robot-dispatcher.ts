import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { normalizeMobile } from '../common/mobile';
import { JobProducer } from '../queue/job-producer';
import { RetryLaterError } from '../queue/retry-later';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { MAX_ITEMS_PER_MESSAGE, packBatch } from './robot-batch';
import { rateLimitKey, RobotKeyring } from './robot-keyring';
import {
  ClaimedBatch,
  RobotMessagesRepository,
  SettledMessage,
  SettleRule,
} from './robot-messages.repository';
import { RobotRateLimiter } from './robot-rate-limiter';
import { RobotReminder } from './robot-reminder';
import { RobotKeyMissingError } from './robot-secret-key';
import { RobotSender } from './robot-sender';
import { composeMessage } from './robot-text';
import { RobotAnswer, RobotTarget } from './robot-vendor';
import { SecretUnreadableError } from './secret-cipher';
import { UnitRobot } from './unit-robot.entity';
import { UnitRobotsRepository } from './unit-robots.repository';
import { VENDOR_ADAPTERS } from './vendors';

export interface RobotEnqueueRequest {
  robotId: string;
  /** The caller's stable id for this delivery (e.g. the deliveries row id): enqueuing it again adds nothing. */
  deliveryKey: string;
  reminder: RobotReminder;
}

/** A queued message reached its end: sent, or given up on. */
export interface RobotOutcome {
  robotId: string;
  deliveryKey: string;
  status: 'delivered' | 'failed';
  error: string | null;
}

/** Called in the transaction that records the outcomes, so whatever it writes commits with them or not at all. */
export type RobotOutcomeHandler = (manager: EntityManager, outcomes: RobotOutcome[]) => Promise<void>;

export type FlushResult =
  | { outcome: 'idle' | 'robot_removed'; messages: number }
  | { outcome: 'delivered' | 'retrying' | 'failed'; messages: number; batchId: string; explanation: string };

/** A wrong secret or URL is retried this often (an admin may be fixing it), then recorded failed. */
export const PERMANENT_ATTEMPTS = 3;
/** A vendor's "too fast" is waited out this many times before the message is given up. */
export const MAX_DEFERRALS = 10;
const CANDIDATES = MAX_ITEMS_PER_MESSAGE * 4;
const ROBOT_REMOVED = '机器人已从配置中移除，消息未发送';

/**
 * Robot messages: queued durably in robot_messages, sent per robot in batches (several reminders, one group
 * message), rate-limited across all workers, retried by how the vendor answered.
 *
 * One `robots.flush` job per robot at a time (deduplication id `robot:<robotId>`): the first enqueue schedules it
 * ROBOT_BATCH_WINDOW_MS ahead, later enqueues fold into it, and an enqueue while it runs keeps exactly one follow-up.
 * Every message is sent at least once unless it fails: a worker dying mid-send leaves its claim, which the job's
 * retry (same job id) or anyone after the lease takes over, so a message can go out twice but is never lost.
 */
@Injectable()
export class RobotDispatcher {
  private readonly handlers: RobotOutcomeHandler[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly robots: UnitRobotsRepository,
    private readonly messages: RobotMessagesRepository,
    private readonly keyring: RobotKeyring,
    private readonly limiter: RobotRateLimiter,
    private readonly sender: RobotSender,
    private readonly producer: JobProducer,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** Registers what to do when messages end delivered or failed (the later delivery path marks its rows). */
  onOutcome(handler: RobotOutcomeHandler): void {
    this.handlers.push(handler);
  }

  /**
   * Queues reminders for robots and schedules their sends. Call it after the notification is committed, outside any
   * transaction: the rows are committed before the flush is scheduled. Requests for robots that no longer exist are
   * dropped. Returns how many messages were newly queued.
   */
  async enqueue(requests: RobotEnqueueRequest[]): Promise<number> {
    const robots = new Map(
      (await this.robots.findByIds([...new Set(requests.map((r) => r.robotId))])).map((robot) => [
        robot.id,
        robot,
      ]),
    );
    const known = requests.filter((request) => robots.has(request.robotId));
    const queued = await this.messages.insert(
      known.map((request) => ({
        robotId: request.robotId,
        organizationId: robots.get(request.robotId)!.organizationId,
        deliveryKey: request.deliveryKey,
        reminder: sanitize(request.reminder),
      })),
    );
    for (const robotId of new Set(known.map((request) => request.robotId)))
      await this.schedule(robotId, this.runtime.config.ROBOT_BATCH_WINDOW_MS);
    return queued;
  }

  /**
   * Schedules a flush for every robot with messages still open. Run when a worker starts: the queued rows are in
   * PostgreSQL, so flush jobs lost with Redis (a flushed or replaced Redis) are made again rather than waiting for
   * the robot's next reminder.
   */
  async resume(): Promise<number> {
    const robotIds = await this.messages.findRobotsWithOpenMessages();
    for (const robotId of robotIds) await this.schedule(robotId, 0);
    return robotIds.length;
  }

  /**
   * Robots taken out of the configuration can never send: their waiting messages fail, reported like any other
   * outcome, in the caller's transaction (the one that removes the robots).
   */
  async abandon(manager: EntityManager, robotIds: string[]): Promise<number> {
    return this.report(manager, await this.messages.failOpen(manager, robotIds, ROBOT_REMOVED));
  }

  /** The `robots.flush` job: one message to the robot, if it has anything due and its rate limit allows. */
  async flush(robotId: string, jobId: string): Promise<FlushResult> {
    const robot = await this.robots.findById(robotId);
    if (!robot) return this.failRemoved(robotId);
    if (!(await this.messages.hasClaimable(robotId, jobId))) return this.idle(robotId);
    const opened = this.open(robot);
    if (opened.target) {
      const wait = await this.limiter.acquire(rateLimitKey(opened.target.url));
      // Put back without spending an attempt; reminders arriving meanwhile join the batch it then sends.
      if (wait > 0) throw new RetryLaterError(`机器人 ${robotId} 已达发送频率上限`, wait, Infinity);
    }
    const base = this.runtime.config.PUBLIC_BASE_URL;
    const adapter = VENDOR_ADAPTERS[robot.vendor];
    const batch = await this.messages.claim(robotId, jobId, CANDIDATES, (reminders) =>
      packBatch(adapter, reminders, base),
    );
    if (!batch) return this.idle(robotId);
    const answer = opened.target
      ? await this.sender.send(opened.target, composeMessage(batch.reminders, base), batch.batchId)
      : opened.failure;
    if (opened.target && !answer.ok && answer.kind === 'too_fast')
      await this.limiter.block(rateLimitKey(opened.target.url), this.deferMs(answer));
    const settled = await this.settle(batch, jobId, answer);
    await this.scheduleNext(robotId);
    const failed = settled.some((message) => message.status === 'failed');
    const outcome = answer.ok ? 'delivered' : failed ? 'failed' : 'retrying';
    return { outcome, messages: batch.ids.length, batchId: batch.batchId, explanation: answer.explanation };
  }

  /** The robot's URL and secret, or, when they cannot be read here, the failure its messages are recorded with. */
  private open(
    robot: UnitRobot,
  ): { target: RobotTarget; failure?: never } | { target?: never; failure: RobotAnswer } {
    try {
      return { target: this.keyring.open(robot) };
    } catch (error) {
      if (!(error instanceof SecretUnreadableError || error instanceof RobotKeyMissingError)) throw error;
      return {
        failure: {
          ok: false,
          kind: 'permanent',
          code: null,
          explanation: error.message,
          vendorMessage: null,
        },
      };
    }
  }

  private async failRemoved(robotId: string): Promise<FlushResult> {
    const failed = await this.dataSource.transaction((manager) => this.abandon(manager, [robotId]));
    return { outcome: 'robot_removed', messages: failed };
  }

  private async idle(robotId: string): Promise<FlushResult> {
    await this.scheduleNext(robotId);
    return { outcome: 'idle', messages: 0 };
  }

  private async settle(batch: ClaimedBatch, token: string, answer: RobotAnswer): Promise<SettledMessage[]> {
    return this.dataSource.transaction(async (manager) => {
      const settled = await this.messages.settle(manager, batch, token, this.settleRule(answer));
      await this.report(manager, settled);
      return settled;
    });
  }

  private settleRule(answer: RobotAnswer): SettleRule {
    const { DELIVERY_ATTEMPTS, DELIVERY_BACKOFF_MS } = this.runtime.config;
    const base = {
      attemptCap: DELIVERY_ATTEMPTS,
      deferralCap: MAX_DEFERRALS,
      deferMs: 0,
      backoffMs: DELIVERY_BACKOFF_MS,
    };
    if (answer.ok) return { ...base, mode: 'delivered', error: null };
    const error =
      answer.code === null ? answer.explanation : `${answer.explanation}（错误码 ${answer.code}）`;
    if (answer.kind === 'too_fast')
      return { ...base, mode: 'deferred', error, deferMs: this.deferMs(answer) };
    const attemptCap =
      answer.kind === 'permanent' ? Math.min(PERMANENT_ATTEMPTS, DELIVERY_ATTEMPTS) : DELIVERY_ATTEMPTS;
    return { ...base, mode: 'attempted', error, attemptCap };
  }

  private deferMs(answer: RobotAnswer): number {
    return (!answer.ok && answer.retryAfterMs) || this.runtime.config.ROBOT_RATE_WINDOW_MS;
  }

  private async report(manager: EntityManager, settled: SettledMessage[]): Promise<number> {
    const outcomes = settled.filter((m): m is RobotOutcome => m.status !== 'pending');
    if (outcomes.length) for (const handler of this.handlers) await handler(manager, outcomes);
    return outcomes.length;
  }

  /** Schedules the robot's next flush for when its earliest waiting message is due. */
  private async scheduleNext(robotId: string): Promise<void> {
    const due = await this.messages.nextDueAt(robotId);
    if (due) await this.schedule(robotId, Math.max(0, due.getTime() - Date.now()));
  }

  private async schedule(robotId: string, delayMs: number): Promise<void> {
    await this.producer.enqueue(
      'robots.flush',
      { robotId },
      {
        delay: delayMs,
        deduplication: { id: `robot:${robotId}`, keepLastIfActive: true },
        attempts: this.runtime.config.DELIVERY_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.runtime.config.DELIVERY_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: 100,
      },
    );
  }
}

/** Only mainland mobiles can be @mentioned; anything else in the phone field makes the person named instead. */
function sanitize(reminder: RobotReminder): RobotReminder {
  return {
    ...reminder,
    people: reminder.people.map((person) => ({
      name: person.name.trim(),
      mobile: normalizeMobile(person.mobile),
    })),
  };
}
