import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DomainError, InvalidInputError } from '../common/domain-error';
import { EntityManager } from 'typeorm';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { AccessTokens } from './access-tokens';
import { AccountChanges } from './account-changes';
import type { Authentication } from './authenticator';
import { LoginRateLimiter } from './login-rate-limiter';
import { assertStrongPassword } from './password-policy';
import { hashForUnknownUser, hashPassword, verifyPassword } from './passwords';
import { RefreshTokenRepository } from './refresh-token.repository';
import { TokenDenyList } from './token-deny-list';
import { toUserView, User, UserView } from './user.entity';
import { UserRepository } from './user.repository';
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
    private readonly tokens: AccessTokens,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly userRows: UserRepository,
    private readonly users: UsersService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly denyList: TokenDenyList,
    private readonly changes: AccountChanges,
  ) {}

  async login(username: string, password: string, address: string): Promise<LoginResult> {
    await this.rateLimiter.consume(username, address);
    const user = await this.userRows.findForLogin(username);
    const valid = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), password);
    if (!user || !valid || !user.active) throw invalidCredentials();
    await this.rateLimiter.succeeded(username, address);
    const session = await this.userRows.manager.transaction(async (manager) => {
      const current = await this.userRows.findActiveForSession(user.id, manager);
      // A password reset or deactivation committed since the check above: the password proved nothing.
      if (current?.sessionGeneration !== user.sessionGeneration) return null;
      return this.issue(current, randomUUID(), manager);
    });
    if (!session) throw invalidCredentials();
    return session;
  }

  /**
   * Rotates the refresh token; replaying an already used one revokes its whole session. Runs with the user's row
   * held (see UserRepository.findActiveForSession), so it never outlives a session ending that commits meanwhile.
   */
  async refresh(refreshToken: string): Promise<LoginResult> {
    const stored = await this.refreshTokens.findByHash(sha256(refreshToken));
    if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) throw invalidRefresh();
    const outcome = await this.userRows.manager.transaction(async (manager) => {
      const user = await this.userRows.findActiveForSession(stored.userId, manager);
      if (!user) return 'inactive';
      if (!(await this.refreshTokens.claim(stored.id, manager))) return 'replayed';
      return this.issue(user, stored.familyId, manager);
    });
    if (outcome === 'replayed') await this.refreshTokens.revokeFamily(stored.familyId);
    if (typeof outcome === 'string') throw invalidRefresh();
    return outcome;
  }

  /**
   * Ends the caller's session: its refresh tokens, and the access token in hand (with any other token of the
   * session, such as a dashboard cookie) through the deny-list. Redis goes first, so an outage answers 503 and
   * ends nothing rather than half of it.
   */
  async logout({ user, claims }: Authentication): Promise<void> {
    const ids = [claims.jti, claims.sid].filter((id): id is string => id !== undefined);
    await this.denyList.revoke(user.id, ids, this.tokens.lifetimeSeconds);
    // Tokens from before sessions had ids name no session: then all of the user's sessions end, as they used to.
    if (claims.sid) await this.refreshTokens.revokeFamily(claims.sid);
    else await this.refreshTokens.revokeAllOfUser(user.id);
    await this.changes.announce(user.id);
  }

  /**
   * The caller's own password change: needs the current password (its failures count like failed logins), ends
   * every session, and hands the caller a new token pair for the session they are in.
   */
  async changePassword(
    { user: caller, claims }: Authentication,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<LoginResult> {
    const user = await this.userRows.findWithPasswordHash(caller.id);
    if (!user) throw invalidRefresh();
    await this.rateLimiter.consume(user.username, address);
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw new InvalidInputError('WRONG_CURRENT_PASSWORD', '当前密码不正确');
    await this.rateLimiter.succeeded(user.username, address);
    if (newPassword === currentPassword)
      throw new InvalidInputError('PASSWORD_UNCHANGED', '新密码不能与当前密码相同');
    assertStrongPassword(newPassword, [user.username, user.displayName]);
    const passwordHash = await hashPassword(newPassword);
    const session = await this.userRows.manager.transaction(async (manager) => {
      await this.userRows.setPasswordHash(user.id, passwordHash, manager);
      user.sessionGeneration = await this.users.endSessions(user.id, manager);
      return this.issue(user, claims.sid ?? randomUUID(), manager);
    });
    await this.changes.announce(user.id);
    return session;
  }

  me(caller: Authentication['user']): Promise<UserView> {
    return this.users.get(caller, caller.id);
  }

  /** A short-lived cookie that opens the queue dashboard, of the same session and generation as the caller's token. */
  async dashboardToken({ user, claims }: Authentication): Promise<{ token: string; maxAge: number }> {
    const token = await this.tokens.sign('dashboard', user.id, {
      sid: claims.sid ?? randomUUID(),
      gen: claims.gen,
    });
    return { token, maxAge: this.tokens.lifetimeSeconds };
  }

  /** Tokens of session `sessionId` for `user` as read in the transaction of `manager`. */
  private async issue(user: User, sessionId: string, manager: EntityManager): Promise<LoginResult> {
    const accessToken = await this.tokens.sign('access', user.id, {
      sid: sessionId,
      gen: user.sessionGeneration,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const lifetimeMs = this.runtime.config.REFRESH_EXPIRES_IN_DAYS * 86_400_000;
    await this.refreshTokens.insert(
      {
        userId: user.id,
        familyId: sessionId,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(Date.now() + lifetimeMs),
      },
      manager,
    );
    return { accessToken, refreshToken, expiresIn: this.tokens.lifetimeSeconds, user: toUserView(user) };
  }
}
