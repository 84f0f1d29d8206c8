import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

const PING_TIMEOUT_MS = 1500;

/** Like Terminus' TypeORM ping, but the down message names the database in Chinese instead of echoing the socket error. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async isHealthy(key: string) {
    const indicator = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), PING_TIMEOUT_MS)),
    );
    try {
      const outcome = await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return outcome === 'timeout'
        ? indicator.down({ message: '数据库（PostgreSQL）未响应' })
        : indicator.up();
    } catch {
      return indicator.down({ message: '数据库（PostgreSQL）无法连接' });
    } finally {
      clearTimeout(timer);
    }
  }
}
