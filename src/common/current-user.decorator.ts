import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';

/** What the global auth guard puts on the request. */
export interface AuthenticatedRequest {
  user: AuthUser;
  /** The caller's organization's task revision, read with the user (see UsersService.findActiveAuthUser). */
  tasksRevision: string;
}

/** The authenticated caller. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
});

/**
 * The organization's task revision as of authentication. Anything read after it is at least as new, so values
 * remembered under it are never older than it promises.
 */
export const TasksRevision = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().tasksRevision;
});
