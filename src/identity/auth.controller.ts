import { Body, Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import type { Authentication } from './authenticator';
import { CurrentAuthentication, CurrentUser } from './current-user.decorator';
import { dashboardSessionCookie } from './dashboard-session';
import { ChangePasswordDto, LoginDto, RefreshDto } from './dto/auth.dto';
import { PERMISSIONS } from './permissions';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: '用户名密码登录，返回访问令牌与刷新令牌',
    description:
      '每次尝试在核对密码之前计数：同一账号或同一客户端地址在 LOGIN_WINDOW_SECONDS 内超过 LOGIN_ATTEMPTS_PER_ACCOUNT / LOGIN_ATTEMPTS_PER_ADDRESS 次后返回 429 TOO_MANY_LOGIN_ATTEMPTS，正确的密码也要等窗口结束。',
  })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.username, dto.password, request.ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '用刷新令牌换取新的令牌对（旧刷新令牌随即失效，重复使用将注销该会话）' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：作废本次登录的刷新令牌和手中的访问令牌（其他设备上的登录不受影响）' })
  logout(@CurrentAuthentication() authentication: Authentication) {
    return this.auth.logout(authentication);
  }

  @Post('password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({
    summary: '修改本人密码',
    description:
      '需提供当前密码（错误返回 400 WRONG_CURRENT_PASSWORD，并与登录失败一样计数）；新密码须符合密码规则（否则 400 WEAK_PASSWORD）。成功后本人其他所有登录随即失效，返回本次登录的新令牌对（与登录接口相同），旧令牌不再可用。',
  })
  changePassword(
    @CurrentAuthentication() authentication: Authentication,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ) {
    return this.auth.changePassword(authentication, dto.currentPassword, dto.newPassword, request.ip);
  }

  @Post('dashboard-session')
  @HttpCode(204)
  @Roles(...PERMISSIONS['queue.dashboard'].roles)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '打开队列面板：为 /admin/queues 设置短期会话 Cookie（仅管理员）',
    description:
      'Cookie 为 HttpOnly、SameSite=Strict、Path=/admin/queues，有效期与访问令牌相同，HTTPS 请求时带 Secure；之后在浏览器中打开 /admin/queues 即可。退出登录或账号被停用、降级后随即失效。',
  })
  async dashboardSession(
    @CurrentAuthentication() authentication: Authentication,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { token, maxAge } = await this.auth.dashboardToken(authentication);
    void reply.header('set-cookie', dashboardSessionCookie(token, maxAge, request));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录用户' })
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }
}
