import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Roles } from '../identity/roles.decorator';
import type { AuthUser } from '../identity/auth-user';
import { ConfirmItemsDto } from './dto/task.dto';
import { ReportConfirmationService } from './report-confirmation.service';

/** Under /reports because items are confirmed from their report; here because what it makes is tasks. */
@ApiTags('年度报告')
@ApiBearerAuth()
@Controller('reports')
export class ReportTasksController {
  constructor(private readonly confirmation: ReportConfirmationService) {}

  @Post(':id/tasks')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: '确认条目，生成整改任务或计划任务' })
  createTasks(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ConfirmItemsDto,
  ) {
    return this.confirmation.createFromReport(user, id, dto);
  }
}
