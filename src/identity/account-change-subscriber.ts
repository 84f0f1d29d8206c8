import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type IORedis from 'ioredis';
import { createRedisConnection } from '../runtime/redis-connection';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { AccountChanges } from './account-changes';
import { AuthCache } from './auth-cache';

/**
 * Drops a cached account as soon as any process announces a change to it. While the subscription is down
 * (Redis unreachable) announcements are lost, so cached accounts are trusted only for their time limit, and the
 * whole cache is forgotten once the subscription is back.
 */
@Injectable()
export class AccountChangeSubscriber implements OnModuleInit, OnModuleDestroy {
  private subscriber?: IORedis;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly cache: AuthCache,
    private readonly changes: AccountChanges,
  ) {}

  onModuleInit(): void {
    const subscriber = createRedisConnection(this.runtime.redisUrl, 'subscriber');
    let connectedBefore = false;
    subscriber.on('error', () => undefined);
    subscriber.on('ready', () => {
      if (connectedBefore) this.cache.clear();
      connectedBefore = true;
    });
    subscriber.on('message', (_channel: string, userId: string) => this.cache.invalidate(userId));
    // Not awaited: the API starts (and falls back to the time limit) while Redis is down; ioredis subscribes
    // once it connects and again after every reconnect.
    subscriber.subscribe(this.changes.channel).catch(() => undefined);
    this.subscriber = subscriber;
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }
}
