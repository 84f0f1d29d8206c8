import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { AllowedTo } from './allowed-to.decorator';
import { CurrentUser } from './current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import type { AuthUser } from './auth-user';
import { CreateUnitDto, UnitView, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';
import { UnitDto } from './dto/identity-responses.dto';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @AllowedTo('unit.manage')
  @ApiRoute({
    summary: '新建本单位的责任单位',
    description:
      '仅管理员。keywords 为解析报告时推荐责任单位所用的关键词；同一单位下名称不能重复（409 UNIT_NAME_TAKEN）。',
    created: UnitDto,
    errors: [400, 401, 403, 'UNIT_NAME_TAKEN'],
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitDto) {
    return this.units.create(user, dto);
  }

  @Get()
  @AllowedTo('unit.read')
  @ApiRoute({
    summary: '本单位的责任单位列表（含已停用）',
    description: '管理员看到的每个责任单位还带有 robots（群机器人，只有 hasSecret，从不返回密钥）。',
    ok: [UnitView],
    errors: [401],
  })
  list(@CurrentUser() user: AuthUser) {
    return this.units.list(user);
  }

  @Patch(':id')
  @AllowedTo('unit.manage')
  @ApiRoute({
    summary: '修改责任单位名称、关键词、启用状态或群机器人',
    description:
      'robots 整体替换该单位的群机器人：vendor 为 dingtalk、wecom、feishu 或 generic，url 须为该厂商的 Webhook 地址（https；非生产环境也接受本机 http 地址），secret 为钉钉"加签"或飞书"签名校验"密钥。同一 vendor 与 url 不传 secret 则保留原密钥，传 null 清除。应答从不包含密钥，只有 hasSecret。地址或密钥不合格时 400 INVALID_ROBOT_URL / INVALID_ROBOT_SECRET，重复地址 400 DUPLICATE_ROBOT。',
    ok: UnitView,
    errors: [
      400,
      401,
      403,
      404,
      'UNIT_NAME_TAKEN',
      'INVALID_ROBOT_URL',
      'INVALID_ROBOT_SECRET',
      'DUPLICATE_ROBOT',
    ],
  })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(user, id, dto);
  }

  @Delete(':id')
  @AllowedTo('unit.manage')
  @ApiRoute({
    summary: '停用责任单位',
    description: '仅管理员。停用不删除：已有任务保留该单位，界面不再提供选择。',
    ok: { type: UnitDto, description: '已停用的责任单位' },
    errors: [400, 401, 403, 404],
  })
  deactivate(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.units.deactivate(user, id);
  }
}
