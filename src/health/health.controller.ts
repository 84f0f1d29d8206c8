import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../identity/public.decorator';
import { DatabaseHealthIndicator } from './database.health';
import { RedisHealthIndicator } from './redis.health';
import { HealthDto } from './dto/health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiRoute({
    summary: '健康检查：PostgreSQL 与 Redis 均可用时返回 200，否则 503，message 说明哪一项不可用',
    description:
      '无需登录，不加 /api/v1 前缀，供负载均衡和监控探测。503 时返回统一的错误格式，details 为各依赖的状态。',
    ok: { type: HealthDto, description: 'PostgreSQL 与 Redis 均可用' },
    errors: ['SERVICE_UNAVAILABLE'],
  })
  @HealthCheck({ swaggerDocumentation: false })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.isHealthy('database'),
        () => this.redis.isHealthy('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus' 503 says only "error"; an operator reading the body should see at once which dependency is down.
      const { error: down = {}, details } = error.getResponse() as HealthCheckResult;
      const reasons = Object.entries(down).map(([key, indicator]) =>
        typeof indicator?.message === 'string' ? indicator.message : `${key} 不可用`,
      );
      throw new ServiceUnavailableException({
        code: 'SERVICE_UNAVAILABLE',
        message: reasons.length ? `服务暂时不可用：${reasons.join('；')}` : '服务暂时不可用，请稍后再试',
        details,
      });
    }
  }
}
