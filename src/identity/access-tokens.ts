import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { DomainError } from '../common/domain-error';
import { Runtime, RUNTIME } from '../runtime/runtime';

/** `access`: the API's bearer token; `dashboard`: the queue dashboard's session cookie. Neither passes for the other. */
export type TokenKind = 'access' | 'dashboard';

export interface TokenClaims {
  sub: string;
  typ: TokenKind;
  /** The token's own id, for signing out this one token. */
  jti?: string;
  /** The login session (refresh-token family) it belongs to. */
  sid?: string;
  /** The user's session generation when it was issued; older ones no longer pass. */
  gen: number;
}

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录', code = 'UNAUTHENTICATED') {
    super(code, message, HttpStatus.UNAUTHORIZED);
  }
}

const isOptionalString = (value: unknown): value is string | undefined =>
  value === undefined || typeof value === 'string';

/** Signs and verifies the short-lived JWTs; which of them still count is Authenticator's business. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  get lifetimeSeconds(): number {
    return this.runtime.config.JWT_EXPIRES_IN_SECONDS;
  }

  sign(kind: TokenKind, userId: string, session: { sid: string; gen: number }): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId, typ: kind, sid: session.sid, gen: session.gen },
      { expiresIn: this.lifetimeSeconds, jwtid: randomUUID() },
    );
  }

  /**
   * Tokens issued by earlier versions carry no jti, sid or gen: they pass as generation 0 until they expire (at most
   * JWT_EXPIRES_IN_SECONDS after the upgrade), and any later revocation of the user still ends them.
   */
  async verify(token: string, kind: TokenKind): Promise<TokenClaims> {
    let claims: Partial<Record<keyof TokenClaims, unknown>>;
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch (error) {
      if (error instanceof TokenExpiredError)
        throw new UnauthenticatedError('登录已过期，请重新登录', 'TOKEN_EXPIRED');
      throw new UnauthenticatedError('登录凭证无效，请重新登录');
    }
    const { sub, typ, jti, sid, gen = 0 } = claims;
    if (
      typeof sub !== 'string' ||
      typ !== kind ||
      !Number.isInteger(gen) ||
      !isOptionalString(jti) ||
      !isOptionalString(sid)
    )
      throw new UnauthenticatedError('登录凭证无效，请重新登录');
    return { sub, typ: kind, jti, sid, gen: gen as number };
  }
}
