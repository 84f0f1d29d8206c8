import type { IncomingHttpHeaders } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { AccessTokens, TokenClaims, TokenKind, UnauthenticatedError } from './access-tokens';
import type { AuthUser } from './auth-user';
import { AuthCache, CachedAccount } from './auth-cache';
import { dashboardSessionOf } from './dashboard-session';
import { TokenDenyList } from './token-deny-list';
import { UserRepository } from './user.repository';

export interface Authentication {
  user: AuthUser;
  claims: TokenClaims;
}

const NOTHING_REVOKED: ReadonlySet<string> = new Set();

/**
 * The one check of who is calling, for the API (bearer access token) and the queue dashboard (its session
 * cookie): a valid token of the right kind, of an active user, of the user's current session generation, and not
 * signed out. The account comes from AuthCache, so a request costs no database round trip while it is cached.
 */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger('Authenticator');

  constructor(
    private readonly tokens: AccessTokens,
    private readonly cache: AuthCache,
    private readonly users: UserRepository,
    private readonly denyList: TokenDenyList,
  ) {}

  async authenticate(
    request: { headers: IncomingHttpHeaders },
    kind: TokenKind = 'access',
  ): Promise<Authentication> {
    const token =
      kind === 'access'
        ? /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
        : dashboardSessionOf(request.headers.cookie);
    if (!token) throw new UnauthenticatedError();
    const claims = await this.tokens.verify(token, kind);
    let { account, revoked } = await this.account(claims.sub);
    // A token newer than the cached account (issued after a password change, say, by another process whose
    // announcement has not arrived yet) means the copy is stale, not the token: read the account again.
    if (account && claims.gen > account.sessionGeneration)
      ({ account, revoked } = await this.account(claims.sub, { fresh: true }));
    if (!account) throw new UnauthenticatedError('账号不存在或已停用，请重新登录');
    if (
      claims.gen !== account.sessionGeneration ||
      (claims.jti !== undefined && revoked.has(claims.jti)) ||
      (claims.sid !== undefined && revoked.has(claims.sid))
    )
      throw new UnauthenticatedError('登录状态已失效，请重新登录', 'SESSION_REVOKED');
    return { user: account.user, claims };
  }

  private async account(userId: string, { fresh = false } = {}): Promise<CachedAccount> {
    const cached = fresh ? undefined : this.cache.get(userId);
    if (cached) return cached;
    const version = this.cache.version;
    const [account, revoked] = await Promise.all([
      this.users.findActiveAccount(userId),
      this.revokedOf(userId),
    ]);
    const loaded = { account, revoked };
    this.cache.set(userId, loaded, version);
    return loaded;
  }

  /**
   * While Redis is down the deny-list cannot be read: tokens their holders signed out then pass until they
   * expire, rather than every request failing. Revocations by an administrator live in the database (the session
   * generation) and hold regardless.
   */
  private async revokedOf(userId: string): Promise<ReadonlySet<string>> {
    try {
      return await this.denyList.revokedOf(userId);
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'Redis 不可用，暂时无法读取已退出的登录凭证');
      return NOTHING_REVOKED;
    }
  }
}
