import { Controller, forwardRef, Get, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/current-user.decorator';
import type { AuthUser } from './auth-user';
import { IdentityCoreModule } from './identity.module';
import type { Unit } from './unit.entity';
import type { User } from './user.entity';
import { UnitsService } from './units.service';
import { UsersService } from './users.service';

/** Names only: what every screen needs to show who and which unit, and nothing an account could be attacked with. */
export function directoryOf(users: User[], units: Unit[]) {
  return {
    users: users.map(({ id, displayName, role, unitId, active }) => ({
      id,
      displayName,
      role,
      unitId,
      active,
    })),
    units: units.map(({ id, name, active }) => ({ id, name, active })),
  };
}

/**
 * GET /directory for every signed-in role (CONTRACT section 6): the people and units of the caller's organization,
 * inactive ones included so old records keep their names (`active` tells pickers which to offer).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(
    private readonly users: UsersService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: '本单位通讯录：人员姓名、角色、所属责任单位，以及责任单位名称（所有角色可用）',
  })
  async directory(@CurrentUser() user: AuthUser) {
    return directoryOf(await this.users.findByOrganization(user.organizationId), await this.units.list(user));
  }
}

/**
 * A stand-in until the identity feature's own directory route lands: one route, so it brings its own module and
 * IdentityModule imports it with one line (forwardRef, since identity.module.ts imports this file in turn).
 */
@Module({ imports: [forwardRef(() => IdentityCoreModule)], controllers: [DirectoryController] })
export class DirectoryModule {}
