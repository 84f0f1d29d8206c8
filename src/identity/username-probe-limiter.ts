import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from './auth-user';
import { IdentityRedis } from './identity-redis';
import { UserRepository } from './user.repository';

export const USERNAME_CONFLICTS_PER_HOUR = 10;
const WINDOW_SECONDS = 3600;

const tooManyConflicts = () =>
  new DomainError(
    'TOO_MANY_USERNAME_CONFLICTS',
    '一小时内新建用户时用户名与已有账号重复的次数过多，请 1 小时后再试',
    HttpStatus.TOO_MANY_REQUESTS,
  );

/**
 * Usernames are unique across all organizations (login takes only a username), so "409 USERNAME_TAKEN" tells
 * an admin that a name exists somewhere else: enough to list another township's accounts by trying names. Such
 * conflicts are counted per organization (a second admin account would not buy more) and after
 * USERNAME_CONFLICTS_PER_HOUR the organization creates no users for the rest of the hour: refusing only the
 * conflicts would still answer "free" with a 201. Conflicts with the organization's own users reveal nothing and
 * are not counted.
 */
@Injectable()
export class UsernameProbeLimiter {
  constructor(
    private readonly redis: IdentityRedis,
    private readonly users: UserRepository,
  ) {}

  /** Runs `create` (which may fail with USERNAME_TAKEN for `username`) under the limit of `caller`'s organization. */
  async guard<T>(caller: AuthUser, username: string, create: () => Promise<T>): Promise<T> {
    const key = this.redis.key('username-conflicts', caller.organizationId);
    const redis = await this.redis.client();
    if (Number(await redis.get(key)) >= USERNAME_CONFLICTS_PER_HOUR) throw tooManyConflicts();
    try {
      return await create();
    } catch (error) {
      if (
        error instanceof DomainError &&
        error.code === 'USERNAME_TAKEN' &&
        !(await this.users.isUsernameInOrganization(username, caller.organizationId))
      ) {
        const [[, count]] = (await redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec()) as [
          [Error | null, number],
        ];
        if (count > USERNAME_CONFLICTS_PER_HOUR) throw tooManyConflicts();
      }
      throw error;
    }
  }
}
