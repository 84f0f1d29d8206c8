import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { TokenClaims } from './access-tokens';
import type { AuthUser } from './auth-user';
import type { Authentication } from './authenticator';

/** What the global auth guard puts on the request. */
export interface AuthenticatedRequest {
  user: AuthUser;
  claims: TokenClaims;
}

/** The authenticated caller. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
});

/** The caller with the token they came with (its session and id), for signing out and changing the password. */
export const CurrentAuthentication = createParamDecorator(
  (_: unknown, context: ExecutionContext): Authentication => {
    const { user, claims } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return { user, claims };
  },
);
