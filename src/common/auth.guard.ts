import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { UsersService } from '../identity/users.service';
import type { Role } from '../identity/auth-user';
import type { AuthenticatedRequest } from './current-user.decorator';
import { DomainError, ForbiddenError } from './domain-error';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录', code = 'UNAUTHENTICATED') {
    super(code, message, HttpStatus.UNAUTHORIZED);
  }
}

/** Global guard: verifies the bearer access token, loads the (still active) user and enforces @Roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const userId = await this.verify(request.headers.authorization);
    const found = await this.users.findActiveAuthUser(userId);
    if (!found) throw new UnauthenticatedError('账号不存在或已停用，请重新登录');
    const { user } = found;
    request.user = user;
    request.tasksRevision = found.tasksRevision;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenError('当前角色无权执行此操作');
    return true;
  }

  private async verify(header: string | undefined): Promise<string> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthenticatedError();
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; typ?: unknown }>(match[1]);
      if (typeof payload.sub !== 'string' || payload.typ !== 'access') throw new Error('not an access token');
      return payload.sub;
    } catch (error) {
      if (error instanceof TokenExpiredError)
        throw new UnauthenticatedError('登录已过期，请重新登录', 'TOKEN_EXPIRED');
      throw new UnauthenticatedError('登录凭证无效，请重新登录');
    }
  }
}
