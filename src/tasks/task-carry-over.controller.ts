import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import type { AuthUser } from '../identity/auth-user';
import { CurrentUser } from '../identity/current-user.decorator';
import { AllowedTo } from '../identity/allowed-to.decorator';
import { CarryOverDto } from './dto/carry-over.dto';
import { TaskDetailDto } from './dto/task-responses.dto';
import { TaskCarryOverService } from './task-carry-over.service';

@ApiTags('整改任务')
@ApiBearerAuth()
@Controller('tasks')
export class TaskCarryOverController {
  constructor(private readonly carryOvers: TaskCarryOverService) {}

  @Post(':id/carry-over')
  @HttpCode(200)
  @AllowedTo('task.review')
  @ApiRoute({
    summary: '年度结转：未完成的任务转入下一年度',
    description:
      '领导在年底为未完成的任务填写未完成原因（reason，写入当年报告“存在的不足和原因”）、下一步措施（nextStep）和下一年度内的新完成时限（deadline）。任务仍是同一个任务，办理记录延续；当年报告按结转前的时限判断是否逾期，下一年度的报告把它列为当年任务。400：CARRY_OVER_DEADLINE_NOT_NEXT_YEAR、CARRY_OVER_NO_PLAN_YEAR、CARRY_OVER_REASON_EMPTY；409：CARRY_OVER_NOT_OPEN（已完成、待核验或已撤销）。',
    ok: { type: TaskDetailDto, description: '结转后的任务（与 GET /tasks/:id 相同）' },
    errors: [
      400,
      'CARRY_OVER_DEADLINE_NOT_NEXT_YEAR',
      'CARRY_OVER_NO_PLAN_YEAR',
      'CARRY_OVER_REASON_EMPTY',
      401,
      403,
      'TASK_NOT_FOUND',
      'CARRY_OVER_NOT_OPEN',
    ],
  })
  carryOver(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: CarryOverDto,
  ) {
    return this.carryOvers.carryOver(user, id, body);
  }
}
