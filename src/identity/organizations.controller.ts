import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from './current-user.decorator';
import { Roles } from './roles.decorator';
import type { AuthUser } from './auth-user';
import { CreateOrganizationDto } from './dto/organization.dto';
import { PERMISSIONS } from './permissions';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

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
}
