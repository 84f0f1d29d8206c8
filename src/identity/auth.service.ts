import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { Runtime, RUNTIME } from '../runtime/runtime';
import type { AuthUser } from './auth-user';
import { LoginRateLimiter } from './login-rate-limiter';
import { hashForUnknownUser, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { toUserView, UserView } from './user.entity';
import { UsersService } from './users.service';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface LoginResult extends TokenPair {
  user: UserView;
}

const invalidCredentials = () =>
  new DomainError('INVALID_CREDENTIALS', '用户名或密码错误', HttpStatus.UNAUTHORIZED);
const invalidRefresh = () =>
  new DomainError('INVALID_REFRESH_TOKEN', '登录状态已失效，请重新登录', HttpStatus.UNAUTHORIZED);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    await this.rateLimiter.assertAllowed(username, ip);
    const user = await this.users.findForLogin(username);
    const valid = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), password);
    if (!user || !valid || !user.active) {
      await this.rateLimiter.recordFailure(username, ip);
      throw invalidCredentials();
    }
    await this.rateLimiter.reset(username, ip);
    return { ...(await this.issue(user.id, randomUUID())), user: toUserView(user) };
  }

  /** Rotates the refresh token; replaying an already used one revokes its whole session. */
  async refresh(refreshToken: string): Promise<LoginResult> {
    const stored = await this.refreshTokens.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) throw invalidRefresh();
    const claimed = await this.refreshTokens.update(
      { id: stored.id, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (!claimed.affected) {
      await this.revokeFamily(stored.familyId);
      throw invalidRefresh();
    }
    const [user] = await this.users.findActiveByIds([stored.userId]);
    if (!user) throw invalidRefresh();
    return { ...(await this.issue(user.id, stored.familyId)), user: toUserView(user) };
  }

  /** Ends the caller's sessions: every refresh token of the user stops working. */
  async logout(caller: AuthUser): Promise<void> {
    await this.refreshTokens.update({ userId: caller.id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async me(caller: AuthUser): Promise<UserView> {
    return this.users.get(caller, caller.id);
  }

  private async issue(userId: string, familyId: string): Promise<TokenPair> {
    const expiresIn = this.runtime.config.JWT_EXPIRES_IN_SECONDS;
    const accessToken = await this.jwt.signAsync({ sub: userId, typ: 'access' }, { expiresIn });
    const refreshToken = randomBytes(32).toString('base64url');
    const lifetimeMs = this.runtime.config.REFRESH_EXPIRES_IN_DAYS * 86_400_000;
    await this.refreshTokens.insert({
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + lifetimeMs),
    });
    return { accessToken, refreshToken, expiresIn };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
