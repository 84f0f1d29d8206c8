import { Body, Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { AllowedTo } from './allowed-to.decorator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import type { Authentication } from './authenticator';
import { CurrentAuthentication, CurrentUser } from './current-user.decorator';
import { dashboardSessionCookie } from './dashboard-session';
import { ChangePasswordDto, LoginDto, RefreshDto } from './dto/auth.dto';
import { Public } from './public.decorator';
import { LoginResultDto, UserViewDto } from './dto/identity-responses.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiRoute({
    summary: '用户名密码登录，返回访问令牌与刷新令牌',
    description:
      '每次尝试在核对密码之前计数：同一账号或同一客户端地址在 LOGIN_WINDOW_SECONDS 内超过 LOGIN_ATTEMPTS_PER_ACCOUNT / LOGIN_ATTEMPTS_PER_ADDRESS 次后返回 429 TOO_MANY_LOGIN_ATTEMPTS，正确的密码也要等窗口结束。',
    ok: { type: LoginResultDto, description: '令牌对与当前用户' },
    errors: [400, 'INVALID_CREDENTIALS', 'TOO_MANY_LOGIN_ATTEMPTS', 'QUEUE_UNAVAILABLE'],
  })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.username, dto.password, request.ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiRoute({
    summary: '用刷新令牌换取新的令牌对（旧刷新令牌随即失效，重复使用将注销该会话）',
    description:
      '无需访问令牌。刷新令牌只能使用一次：已用过的刷新令牌再次出现时视为被盗用，该会话的所有令牌随即失效（401 INVALID_REFRESH_TOKEN）。',
    ok: { type: LoginResultDto, description: '新的令牌对与当前用户' },
    errors: [400, 'INVALID_REFRESH_TOKEN'],
  })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiRoute({
    summary: '退出登录：作废本次登录的刷新令牌和手中的访问令牌（其他设备上的登录不受影响）',
    description: '成功返回 204，无响应体；之后用同一访问令牌调用任何接口都返回 401。',
    noContent: '已退出',
    errors: [401],
  })
  logout(@CurrentAuthentication() authentication: Authentication) {
    return this.auth.logout(authentication);
  }

  @Post('password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiRoute({
    summary: '修改本人密码',
    description:
      '需提供当前密码（错误返回 400 WRONG_CURRENT_PASSWORD，并与登录失败一样计数）；新密码须符合密码规则（否则 400 WEAK_PASSWORD）。成功后本人其他所有登录随即失效，返回本次登录的新令牌对（与登录接口相同），旧令牌不再可用。',
    ok: { type: LoginResultDto, description: '本次登录的新令牌对' },
    errors: [
      400,
      'WRONG_CURRENT_PASSWORD',
      'WEAK_PASSWORD',
      'PASSWORD_UNCHANGED',
      401,
      'TOO_MANY_LOGIN_ATTEMPTS',
    ],
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
  @AllowedTo('queue.dashboard')
  @ApiBearerAuth()
  @ApiRoute({
    summary: '打开队列面板：为 /admin/queues 设置短期会话 Cookie（仅管理员）',
    description:
      'Cookie 为 HttpOnly、SameSite=Strict、Path=/admin/queues，有效期与访问令牌相同，HTTPS 请求时带 Secure；之后在浏览器中打开 /admin/queues 即可。退出登录或账号被停用、降级后随即失效。',
    noContent: '已设置会话 Cookie（Set-Cookie）',
    errors: [401, 403],
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
  @ApiRoute({
    summary: '当前登录用户',
    description:
      '返回访问令牌所属用户的资料（不含密码）；令牌过期返回 401 TOKEN_EXPIRED，会话被注销返回 401 SESSION_REVOKED。',
    ok: UserViewDto,
    errors: [401],
  })
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }
}
