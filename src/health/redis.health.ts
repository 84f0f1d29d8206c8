import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import IORedis from 'ioredis';
import { createRedisConnection } from '../runtime/redis-connection';
import { Runtime, RUNTIME } from '../runtime/runtime';

const PING_TIMEOUT_MS = 1000;

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: IORedis;

  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.client = createRedisConnection(runtime.redisUrl, 'health');
    this.client.on('error', () => undefined);
  }

  async isHealthy(key: string) {
    const indicator = this.indicators.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      const pong = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS)),
      ]);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: 'Redis 未响应' });
    } catch {
      return indicator.down({ message: 'Redis 无法连接' });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
