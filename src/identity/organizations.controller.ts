import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { AllowedTo } from './allowed-to.decorator';
import { CurrentUser } from './current-user.decorator';
import type { AuthUser } from './auth-user';
import { CreateOrganizationDto } from './dto/organization.dto';
import { UpdateOrganizationSettingsDto } from './dto/organization-settings.dto';
import { OrganizationSettingsService } from './organization-settings.service';
import { OrganizationsService } from './organizations.service';
import {
  CreatedOrganizationDto,
  OrganizationDto,
  OrganizationSettingsDto,
} from './dto/identity-responses.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly settings: OrganizationSettingsService,
  ) {}

  @Post()
  @AllowedTo('organization.manage')
  @ApiRoute({
    summary: '在本单位下新建下级单位及其首个管理员',
    description: '仅管理员。下级单位的数据与本单位隔离；其首个管理员随后可自行建立责任单位和用户。',
    created: CreatedOrganizationDto,
    errors: [400, 'WEAK_PASSWORD', 401, 403, 'USERNAME_TAKEN', 'TOO_MANY_USERNAME_CONFLICTS'],
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganizationDto) {
    return this.organizations.createChild(user, dto);
  }

  @Get()
  @AllowedTo('organization.read')
  @ApiRoute({
    summary: '可见的单位：本单位及其下级单位',
    description: '所有角色可读，含各级下级单位。',
    ok: [OrganizationDto],
    errors: [401],
  })
  list(@CurrentUser() user: AuthUser) {
    return this.organizations.listVisible(user);
  }

  @Get('current/settings')
  @ApiRoute({
    summary: '本单位的设置：年度报告主送机关、默认完成时限、申请销号是否须附佐证材料',
    description: '所有角色可读（界面据此调整）；未设置的项返回默认值。',
    ok: OrganizationSettingsDto,
    errors: [401, 'ORGANIZATION_NOT_FOUND'],
  })
  getSettings(@CurrentUser() user: AuthUser) {
    return this.settings.of(user.organizationId);
  }

  @Patch('current/settings')
  @AllowedTo('organization.settings')
  @ApiRoute({
    summary: '修改本单位的设置（管理员）；只改请求中给出的项，返回全部设置',
    description: 'reportAddressee 为 null 时恢复默认；defaultDeadline 为每年都有的月-日。',
    ok: { type: OrganizationSettingsDto, description: '修改后的全部设置' },
    errors: [400, 401, 403],
  })
  updateSettings(@CurrentUser() user: AuthUser, @Body() dto: UpdateOrganizationSettingsDto) {
    return this.settings.update(user, dto);
  }
}
