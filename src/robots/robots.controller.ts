import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { AllowedTo } from '../identity/allowed-to.decorator';
import { CurrentUser } from '../identity/current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import type { AuthUser } from '../identity/auth-user';
import { RobotTestResult, RobotView, SetRobotsDto } from './dto/robot.dto';
import { RobotsService } from './robots.service';
import { GenericRobotPayloadDto } from './dto/robot-payload.dto';

/** Also declares what a 通用 Webhook robot receives (x-webhooks.genericRobot of the document). */
@ApiExtraModels(GenericRobotPayloadDto)
@ApiTags('群机器人')
@ApiBearerAuth()
@Controller('robots')
export class RobotsController {
  constructor(private readonly robots: RobotsService) {}

  @Get('leaders')
  @AllowedTo('robot.manage')
  @ApiRoute({
    summary: '领导班子群的机器人',
    description:
      '本单位领导班子群（不属于任何责任单位）的群机器人：逾期升级提醒和县级督办发到这里。从不返回密钥。',
    ok: [RobotView],
    errors: [401, 403],
  })
  leaders(@CurrentUser() user: AuthUser) {
    return this.robots.listRobots(user, null);
  }

  @Patch('leaders')
  @AllowedTo('robot.manage')
  @ApiRoute({
    summary: '设置领导班子群的机器人',
    description:
      '整体替换领导班子群的机器人，规则同 PATCH /units/:id 的 robots：同一地址不传 secret 则保留原密钥，传 null 清除；应答从不包含密钥。',
    ok: [RobotView],
    errors: [400, 401, 403, 'INVALID_ROBOT_URL', 'INVALID_ROBOT_SECRET', 'DUPLICATE_ROBOT'],
  })
  setLeaders(@CurrentUser() user: AuthUser, @Body() dto: SetRobotsDto) {
    return this.robots.setRobots(user, null, dto.robots);
  }

  @Post(':id/test')
  @HttpCode(200)
  @AllowedTo('robot.manage')
  @ApiRoute({
    summary: '发送测试消息',
    description:
      '立即向该群机器人发送一条测试消息，返回机器人接口的应答及中文说明（如签名不匹配、关键词不符、地址无效）。计入该机器人每分钟 20 条的发送限额；超出时返回 429 ROBOT_RATE_LIMITED。',
    ok: {
      type: RobotTestResult,
      description: '测试已执行；ok 表示机器人是否接受，message 为中文说明',
    },
    errors: [400, 401, 403, 'ROBOT_NOT_FOUND', 'ROBOT_SECRET_UNREADABLE', 'ROBOT_RATE_LIMITED'],
  })
  test(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.robots.testRobot(user, id);
  }
}
