import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiExtraModels } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/openapi/api-error-responses';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Roles } from '../identity/roles.decorator';
import type { AuthUser } from '../identity/auth-user';
import { PERMISSIONS } from '../identity/permissions';
import { RobotTestResult } from './dto/robot.dto';
import { RobotsService } from './robots.service';
import { GenericRobotPayloadDto } from './dto/robot-payload.dto';

/** Also declares what a 通用 Webhook robot receives (x-webhooks.genericRobot of the document). */
@ApiExtraModels(GenericRobotPayloadDto)
@ApiTags('群机器人')
@ApiBearerAuth()
@Controller('robots')
export class RobotsController {
  constructor(private readonly robots: RobotsService) {}

  @Post(':id/test')
  @HttpCode(200)
  @Roles(...PERMISSIONS['robot.manage'].roles)
  @ApiOperation({
    summary: '发送测试消息',
    description:
      '立即向该群机器人发送一条测试消息，返回机器人接口的应答及中文说明（如签名不匹配、关键词不符、地址无效）。计入该机器人每分钟 20 条的发送限额；超出时返回 429 ROBOT_RATE_LIMITED。',
  })
  @ApiOkResponse({
    type: RobotTestResult,
    description: '测试已执行；ok 表示机器人是否接受，message 为中文说明',
  })
  @ApiErrorResponses(400, 401, 403, 'ROBOT_NOT_FOUND', 'ROBOT_SECRET_UNREADABLE', 'ROBOT_RATE_LIMITED')
  test(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.robots.testRobot(user, id);
  }
}
