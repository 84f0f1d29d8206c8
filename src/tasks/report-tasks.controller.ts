import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { AllowedTo } from '../identity/allowed-to.decorator';
import type { AuthUser } from '../identity/auth-user';
import { ConfirmItemsDto } from './dto/task.dto';
import { ReportConfirmationService } from './report-confirmation.service';
import { ConfirmedTasksDto } from './dto/task-responses.dto';

/** Under /reports because items are confirmed from their report; here because what it makes is tasks. */
@ApiTags('年度报告')
@ApiBearerAuth()
@Controller('reports')
export class ReportTasksController {
  constructor(private readonly confirmation: ReportConfirmationService) {}

  @Post(':id/tasks')
  @AllowedTo('task.assign')
  @ApiRoute({
    summary: '确认条目，生成整改任务或计划任务',
    description:
      '仅管理员和领导。问题和整改措施生成整改任务，工作计划生成计划任务；已生成过任务的条目返回原任务而不重复生成。',
    created: ConfirmedTasksDto,
    errors: [400, 401, 403, 'REPORT_NOT_FOUND', 'REPORT_ITEM_NOT_FOUND', 'UNIT_NOT_FOUND', 'USER_NOT_FOUND'],
  })
  createTasks(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ConfirmItemsDto,
  ) {
    return this.confirmation.createFromReport(user, id, dto);
  }
}
