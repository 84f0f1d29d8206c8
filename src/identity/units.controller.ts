import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentUser } from './current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Roles } from './roles.decorator';
import type { AuthUser } from './auth-user';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { PERMISSIONS } from './permissions';
import { UnitsService } from './units.service';
import { ApiErrorResponses } from '../common/openapi/api-error-responses';
import { UnitDto } from './dto/identity-responses.dto';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @Roles(...PERMISSIONS['unit.manage'].roles)
  @ApiOperation({
    summary: '新建本单位的责任单位',
    description:
      '仅管理员。keywords 为解析报告时推荐责任单位所用的关键词；同一单位下名称不能重复（409 UNIT_NAME_TAKEN）。',
  })
  @ApiCreatedResponse({ type: UnitDto })
  @ApiErrorResponses(400, 401, 403, 'UNIT_NAME_TAKEN')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitDto) {
    return this.units.create(user, dto);
  }

  @Get()
  @Roles(...PERMISSIONS['unit.read'].roles)
  @ApiOperation({
    summary: '本单位的责任单位列表（含已停用）',
    description: '所有角色可读，按名称排序；已停用的单位 active 为 false。',
  })
  @ApiOkResponse({ type: [UnitDto] })
  @ApiErrorResponses(401)
  list(@CurrentUser() user: AuthUser) {
    return this.units.list(user);
  }

  @Patch(':id')
  @Roles(...PERMISSIONS['unit.manage'].roles)
  @ApiOperation({
    summary: '修改责任单位名称、关键词或启用状态',
    description: '仅管理员；只修改请求中给出的字段，返回修改后的完整责任单位。',
  })
  @ApiOkResponse({ type: UnitDto, description: '修改后的责任单位' })
  @ApiErrorResponses(400, 401, 403, 404, 'UNIT_NAME_TAKEN')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(user, id, dto);
  }

  @Delete(':id')
  @Roles(...PERMISSIONS['unit.manage'].roles)
  @ApiOperation({
    summary: '停用责任单位',
    description: '仅管理员。停用不删除：已有任务保留该单位，界面不再提供选择。',
  })
  @ApiOkResponse({ type: UnitDto, description: '已停用的责任单位' })
  @ApiErrorResponses(400, 401, 403, 404)
  deactivate(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.units.deactivate(user, id);
  }
}
