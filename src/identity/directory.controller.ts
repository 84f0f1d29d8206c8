import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { DirectoryService } from './directory.service';
import { DirectoryQuery } from './dto/directory.dto';
import { DirectoryDto } from './dto/identity-responses.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiRoute({
    summary: '本单位通讯录：人员与责任单位的名称',
    description:
      '所有角色可用。返回 {users: [{id, displayName, role, unitId, active}], units: [{id, name, active}]}，不含用户名、联系方式等信息；已停用的人员和单位保留并标记 active=false，以便历史记录仍能显示名称。organizationId 可取本单位的下级单位（上级查看乡镇台账时用），范围外返回 404。',
    ok: DirectoryDto,
    errors: [400, 401, 'ORGANIZATION_NOT_FOUND'],
  })
  get(@CurrentUser() user: AuthUser, @Query() query: DirectoryQuery) {
    return this.directory.of(user, query.organizationId);
  }
}
