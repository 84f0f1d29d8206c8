import { Controller, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { AllowedTo } from '../identity/allowed-to.decorator';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../identity/auth-user';
import { CurrentUser } from '../identity/current-user.decorator';
import { SweepQuery } from './dto/sweep-query.dto';
import { ReminderSweepService, SweepRequested } from './reminder-sweep.service';
import { SweepResultDto } from './dto/sweep-result.dto';

@ApiTags('提醒')
@ApiBearerAuth()
@Controller('admin/reminders')
export class RemindersController {
  constructor(private readonly sweeps: ReminderSweepService) {}

  @Post('sweep')
  @HttpCode(HttpStatus.OK)
  @AllowedTo('reminder.sweep')
  @ApiRoute({
    summary: '立即执行到期提醒扫描（asOf 视为今天），范围为本单位及下级单位',
    description:
      '按单位拆分为扫描任务后立即返回 {asOf, enqueued, pending}：enqueued 为已进入队列的单位数，提醒随后由工作进程生成并投递。队列（Redis）暂不可用时返回 202，pending 为已登记、待队列恢复后由工作进程自动入队的单位数，无需重试。',
    ok: { type: SweepResultDto, description: '已按单位拆分入队' },
    accepted: {
      type: SweepResultDto,
      description: '队列暂不可用：已登记，恢复后自动入队（pending）',
    },
    errors: [400, 'INVALID_DATE', 401, 403],
  })
  async sweep(
    @CurrentUser() user: AuthUser,
    @Query() query: SweepQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SweepRequested> {
    const result = await this.sweeps.requestFor(user, query.asOf);
    reply.status(result.pending ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return result;
  }
}
