import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import type { AuthUser } from '../identity/auth-user';
import { CurrentUser } from '../identity/current-user.decorator';
import { AllowedTo } from '../identity/allowed-to.decorator';
import { TaskDetailDto } from '../tasks/dto/task-responses.dto';
import { InboxDto, UrgeDto, UrgeReplyDto } from './dto/supervision.dto';
import { InboxService } from './inbox.service';
import { UrgeService } from './urge.service';

@ApiTags('督办')
@ApiBearerAuth()
@Controller()
export class SupervisionController {
  constructor(
    private readonly inboxes: InboxService,
    private readonly urges: UrgeService,
  ) {}

  @Get('me/inbox')
  @AllowedTo('inbox.read')
  @ApiRoute({
    summary: '我的待办队列',
    description:
      '待我核验（pendingReview）、待审批延期（pendingExtensions）、逾期未办（overdue）和临期（dueSoon，3 天内到期）和待答复催办（pressed：被催办或县级督办、尚未答复办理情况，不含本人发出的催办、督办；答复办理情况即答复此前的全部催办、督办），各为 {count, items}，items 按完成时限排序取前 20 项；另给未读消息数 unreadNotifications。范围：管理员为本组织全部任务，领导为其担任责任领导的任务，工作人员为本单位或分派给本人的任务。',
    ok: InboxDto,
    errors: [401, 403],
  })
  inbox(@CurrentUser() user: AuthUser) {
    return this.inboxes.inbox(user);
  }

  @Post('tasks/:id/urge')
  @AllowedTo('task.urge')
  @ApiRoute({
    summary: '催办（上级组织为县级督办）',
    description:
      '向责任人（未指定时为责任单位的工作人员）发送催办通知（站内、邮件及已配置的各渠道），并记入变更历史（urged）。调用者属于任务所在组织的上级组织时为县级督办（supervised），另通知该任务的责任领导。同一任务每天每类至多一次，再次请求返回 429 URGE_LIMIT_REACHED；已办结的任务 409 TASK_CLOSED。返回任务详情。',
    created: {
      type: TaskDetailDto,
      description: '任务详情（同 GET /tasks/:id），history 末尾为本次催办',
    },
    errors: [400, 401, 403, 'TASK_NOT_FOUND', 'TASK_CLOSED', 'URGE_LIMIT_REACHED'],
  })
  urge(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: UrgeDto) {
    return this.urges.urge(user, id, dto);
  }

  @Post('tasks/:id/urge/:urgeId/reply')
  @AllowedTo('task.progress')
  @ApiRoute({
    summary: '答复催办或县级督办（办理情况）',
    description:
      'urgeId 为任务历史中 urged 或 supervised 条目的 id。由任务所在组织中可报送该任务进展的人答复，记入变更历史（urge_replied，changes.urgeId 指向所答复的条目），上级组织在任务历史中可见。并通知本次答复了结的每次催办、督办的发起人（所答复的条目，以及此前尚未答复的各条；每人一次，县级督办时为上级组织的领导或管理员）：消息「催办答复」或「督办答复」（kind task.urge_replied，正文含任务名称和答复内容，data.link 指向任务），邮件等渠道同其他通知，不发往群机器人；答复人即催办人本人或其账号已停用时不通知。',
    created: {
      type: TaskDetailDto,
      description: '任务详情（同 GET /tasks/:id），history 末尾为本次答复',
    },
    errors: [400, 401, 403, 'TASK_NOT_FOUND', 'URGE_NOT_FOUND'],
  })
  reply(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuidPipe) id: string,
    @Param('urgeId') urgeId: string,
    @Body() dto: UrgeReplyDto,
  ) {
    return this.urges.reply(user, id, urgeId, dto);
  }
}
