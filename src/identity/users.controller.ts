import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { AllowedTo } from './allowed-to.decorator';
import { CurrentUser } from './current-user.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import type { AuthUser } from './auth-user';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { UserViewDto } from './dto/identity-responses.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @AllowedTo('user.manage')
  @ApiRoute({
    summary: '新建本单位用户（角色：admin、leader、staff、viewer）',
    description:
      '密码须符合密码规则（否则 400 WEAK_PASSWORD）。用户名在所有单位中唯一：已被使用返回 409 USERNAME_TAKEN；本单位一小时内与其他单位的用户名冲突超过 10 次后，新建用户一律返回 429 TOO_MANY_USERNAME_CONFLICTS。',
    created: UserViewDto,
    errors: [
      400,
      'WEAK_PASSWORD',
      '400:UNIT_NOT_FOUND',
      401,
      403,
      'USERNAME_TAKEN',
      'TOO_MANY_USERNAME_CONFLICTS',
    ],
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(user, dto);
  }

  @Get()
  @AllowedTo('user.read')
  @ApiRoute({
    summary: '本单位用户列表',
    description: '管理员和领导可读；返回用户资料，不含密码。',
    ok: [UserViewDto],
    errors: [401, 403],
  })
  list(@CurrentUser() user: AuthUser) {
    return this.users.list(user);
  }

  @Get(':id')
  @AllowedTo('user.read')
  @ApiRoute({
    summary: '查看用户',
    description: '管理员和领导可读；其他单位的用户返回 404。',
    ok: UserViewDto,
    errors: [400, 401, 403, 404],
  })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.users.get(user, id);
  }

  @Patch(':id')
  @AllowedTo('user.manage')
  @ApiRoute({
    summary: '修改用户信息、角色、责任单位、启用状态或重置密码',
    description:
      '重置密码、修改角色或停用后，该用户的所有登录（访问令牌与刷新令牌）在所有服务进程中随即失效。',
    ok: { type: UserViewDto, description: '修改后的用户' },
    errors: [400, 'WEAK_PASSWORD', 'CANNOT_LOCK_OUT_SELF', '400:UNIT_NOT_FOUND', 401, 403, 404],
  })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(user, id, dto);
  }

  @Delete(':id')
  @AllowedTo('user.manage')
  @ApiRoute({
    summary: '停用用户（其所有登录随即失效）',
    description: '仅管理员，不能停用自己（400 CANNOT_LOCK_OUT_SELF）。返回停用后的用户。',
    ok: { type: UserViewDto, description: '已停用的用户' },
    errors: [400, 'CANNOT_LOCK_OUT_SELF', 401, 403, 404],
  })
  deactivate(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.users.deactivate(user, id);
  }
}
