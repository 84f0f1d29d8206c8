import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-error';
import { AccountChanges } from './account-changes';
import type { AuthUser } from './auth-user';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { assertStrongPassword } from './password-policy';
import { hashPassword } from './passwords';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UnitRepository } from './unit.repository';
import { UsernameProbeLimiter } from './username-probe-limiter';
import { toUserView, User, UserView } from './user.entity';
import { UserRepository } from './user.repository';

const UNIQUE_VIOLATION = '23505';

// An administrator demoting or deactivating themselves could leave the organization with nobody to manage it.
const selfLockout = () =>
  new InvalidInputError('CANNOT_LOCK_OUT_SELF', '不能停用自己的账号或取消自己的管理员角色');

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly changes: AccountChanges,
    private readonly probes: UsernameProbeLimiter,
  ) {}

  findActiveByIds(ids: string[]): Promise<User[]> {
    return this.users.findActiveByIds(ids);
  }

  findByOrganization(organizationId: string): Promise<User[]> {
    return this.users.findByOrganization(organizationId);
  }

  async list(caller: AuthUser): Promise<UserView[]> {
    return (await this.findByOrganization(caller.organizationId)).map(toUserView);
  }

  async get(caller: AuthUser, id: string): Promise<UserView> {
    return toUserView(await this.findOwn(caller, id));
  }

  async create(caller: AuthUser, dto: CreateUserDto): Promise<UserView> {
    await this.assertOwnUnit(caller.organizationId, dto.unitId ?? null);
    const user = await this.probes.guard(caller, dto.username, () => this.insert(caller.organizationId, dto));
    return toUserView(user);
  }

  /**
   * Used by organization creation, bootstrap and the demo too; `organizationId` is trusted here. The password
   * policy applies to every account, the first one included.
   */
  async insert(organizationId: string, dto: CreateUserDto, manager?: EntityManager): Promise<User> {
    assertStrongPassword(dto.password, [dto.username, dto.displayName]);
    try {
      return await this.users.insert(
        {
          organizationId,
          unitId: dto.unitId ?? null,
          username: dto.username,
          passwordHash: await hashPassword(dto.password),
          displayName: dto.displayName,
          role: dto.role,
          phone: dto.phone ?? null,
          email: dto.email ?? null,
        },
        manager,
      );
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new ConflictError('USERNAME_TAKEN', `用户名“${dto.username}”已被使用`);
      throw error;
    }
  }

  /**
   * A new password, another role or deactivation ends every session of the user (their refresh tokens and, through
   * the session generation, their access tokens); any change drops their cached account in every API process.
   */
  async update(caller: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.findOwn(caller, id);
    if (user.id === caller.id && (dto.active === false || (dto.role !== undefined && dto.role !== 'admin')))
      throw selfLockout();
    if (dto.unitId !== undefined) await this.assertOwnUnit(caller.organizationId, dto.unitId);
    const { password, ...fields } = dto;
    if (password !== undefined)
      assertStrongPassword(password, [user.username, fields.displayName ?? user.displayName]);
    const endsSessions =
      password !== undefined ||
      (fields.role !== undefined && fields.role !== user.role) ||
      (fields.active === false && user.active);
    Object.assign(user, fields);
    const passwordHash = password === undefined ? undefined : await hashPassword(password);
    await this.users.manager.transaction(async (manager) => {
      await this.users.save(user, manager);
      if (passwordHash) await this.users.setPasswordHash(user.id, passwordHash, manager);
      if (endsSessions) await this.endSessions(user.id, manager);
    });
    await this.changes.announce(user.id);
    return this.get(caller, id);
  }

  async deactivate(caller: AuthUser, id: string): Promise<UserView> {
    const user = await this.findOwn(caller, id);
    if (user.id === caller.id) throw selfLockout();
    await this.users.manager.transaction(async (manager) => {
      await this.users.setActive(user.id, false, manager);
      await this.endSessions(user.id, manager);
    });
    await this.changes.announce(user.id);
    return this.get(caller, id);
  }

  /**
   * Every token issued to the user so far stops working; returns the generation new ones carry. The generation
   * moves first: that update locks the user's row, so a refresh under way (which holds it FOR SHARE) either
   * commits its new refresh token before the revocation below sees it, or waits and finds its token revoked.
   */
  async endSessions(userId: string, manager: EntityManager): Promise<number> {
    const generation = await this.users.nextSessionGeneration(userId, manager);
    await this.refreshTokens.revokeAllOfUser(userId, manager);
    return generation;
  }

  private async findOwn(caller: AuthUser, id: string): Promise<User> {
    const user = await this.users.findInOrganization(caller.organizationId, id);
    if (!user) throw new NotFoundError('用户');
    return user;
  }

  private async assertOwnUnit(organizationId: string, unitId: string | null): Promise<void> {
    if (unitId === null) return;
    if (!(await this.units.existsInOrganization(organizationId, unitId)))
      throw new InvalidInputError('UNIT_NOT_FOUND', '所选责任单位不存在或不属于本单位');
  }
}
