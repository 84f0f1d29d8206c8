import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';

/** The authenticated caller (set by the global auth guard). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
