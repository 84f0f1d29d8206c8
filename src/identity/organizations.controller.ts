import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from './current-user.decorator';
import { Roles } from './roles.decorator';
import type { AuthUser } from './auth-user';
import { CreateOrganizationDto } from './dto/organization.dto';
import { UpdateOrganizationSettingsDto } from './dto/organization-settings.dto';
import { OrganizationSettingsService } from './organization-settings.service';
import { PERMISSIONS } from './permissions';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly settings: OrganizationSettingsService,
  ) {}

  @Post()
  @Roles(...PERMISSIONS['organization.manage'].roles)
  @ApiOperation({ summary: '在本单位下新建下级单位及其首个管理员' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganizationDto) {
    return this.organizations.createChild(user, dto);
  }

  @Get()
  @Roles(...PERMISSIONS['organization.read'].roles)
  @ApiOperation({ summary: '可见的单位：本单位及其下级单位' })
  list(@CurrentUser() user: AuthUser) {
    return this.organizations.listVisible(user);
  }

  @Get('current/settings')
  @ApiOperation({
    summary: '本单位的设置：年度报告主送机关、默认完成时限、申请销号是否须附佐证材料',
    description: '所有角色可读（界面据此调整）；未设置的项返回默认值。',
  })
  getSettings(@CurrentUser() user: AuthUser) {
    return this.settings.of(user.organizationId);
  }

  @Patch('current/settings')
  @Roles(...PERMISSIONS['organization.settings'].roles)
  @ApiOperation({ summary: '修改本单位的设置（管理员）；只改请求中给出的项，返回全部设置' })
  updateSettings(@CurrentUser() user: AuthUser, @Body() dto: UpdateOrganizationSettingsDto) {
    return this.settings.update(user, dto);
  }
}
