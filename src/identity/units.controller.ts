import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from './current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Roles } from './roles.decorator';
import type { AuthUser } from './auth-user';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { PERMISSIONS } from './permissions';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @Roles(...PERMISSIONS['unit.manage'].roles)
  @ApiOperation({ summary: '新建本单位的责任单位' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitDto) {
    return this.units.create(user, dto);
  }

  @Get()
  @Roles(...PERMISSIONS['unit.read'].roles)
  @ApiOperation({ summary: '本单位的责任单位列表（含已停用）' })
  list(@CurrentUser() user: AuthUser) {
    return this.units.list(user);
  }

  @Patch(':id')
  @Roles(...PERMISSIONS['unit.manage'].roles)
  @ApiOperation({ summary: '修改责任单位名称、关键词或启用状态' })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(user, id, dto);
  }

  @Delete(':id')
  @Roles(...PERMISSIONS['unit.manage'].roles)
  @ApiOperation({ summary: '停用责任单位' })
  deactivate(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.units.deactivate(user, id);
  }
}
