import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { AuthUser } from './auth-user';
import { User } from './user.entity';

/** An active account as authentication keeps it: the caller, and the generation their tokens must carry. */
export interface ActiveAccount {
  user: AuthUser;
  sessionGeneration: number;
}

export interface DirectoryPerson {
  id: string;
  displayName: string;
  role: AuthUser['role'];
  unitId: string | null;
  active: boolean;
}

/** Every statement identity runs on `users`. Methods that take a manager join the caller's transaction. */
@Injectable()
export class UserRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  get manager(): EntityManager {
    return this.users.manager;
  }

  any(): Promise<boolean> {
    return this.users.exists();
  }

  async findActiveAccount(id: string): Promise<ActiveAccount | null> {
    const row = await this.users.findOne({
      where: { id, active: true },
      select: {
        id: true,
        organizationId: true,
        role: true,
        unitId: true,
        username: true,
        displayName: true,
        sessionGeneration: true,
      },
    });
    if (!row) return null;
    const { sessionGeneration, ...user } = row;
    return { user: user as AuthUser, sessionGeneration };
  }

  /**
   * The active user, their row held FOR SHARE until the transaction ends: a session ending (which updates the row)
   * waits for a session being started or refreshed here to commit, and the other way round.
   */
  findActiveForSession(id: string, manager: EntityManager): Promise<User | null> {
    return manager.findOne(User, { where: { id, active: true }, lock: { mode: 'pessimistic_read' } });
  }

  findActiveByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.findBy({ id: In(ids), active: true }) : Promise.resolve([]);
  }

  findByOrganization(organizationId: string): Promise<User[]> {
    return this.users.find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  findInOrganization(organizationId: string, id: string): Promise<User | null> {
    return this.users.findOneBy({ id, organizationId });
  }

  /** Includes the hash: for checking a password only. */
  findForLogin(username: string): Promise<User | null> {
    return this.withPasswordHash().where('u.username = :username', { username }).getOne();
  }

  /** Includes the hash: for checking the current password before a change. */
  findWithPasswordHash(id: string): Promise<User | null> {
    return this.withPasswordHash().where('u.id = :id', { id }).getOne();
  }

  /** Users `u` with the password hash, which the entity leaves out of every other read. */
  private withPasswordHash() {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash');
  }

  isUsernameInOrganization(username: string, organizationId: string): Promise<boolean> {
    return this.users.existsBy({ username, organizationId });
  }

  /** Names of everyone in the organization, deactivated people included (flagged) so old history still names them. */
  directory(organizationId: string): Promise<DirectoryPerson[]> {
    return this.users.find({
      where: { organizationId },
      select: { id: true, displayName: true, role: true, unitId: true, active: true },
      order: { active: 'DESC', displayName: 'ASC' },
    });
  }

  insert(fields: Partial<User>, manager = this.manager): Promise<User> {
    return manager.save(manager.create(User, fields));
  }

  save(user: User, manager = this.manager): Promise<User> {
    return manager.save(user);
  }

  setActive(id: string, active: boolean, manager = this.manager): Promise<unknown> {
    return manager.update(User, { id }, { active });
  }

  setPasswordHash(id: string, passwordHash: string, manager = this.manager): Promise<unknown> {
    return manager.update(User, { id }, { passwordHash });
  }

  /** Every token issued to the user so far stops working; returns the generation new tokens carry. */
  async nextSessionGeneration(id: string, manager = this.manager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(User)
      .set({ sessionGeneration: () => 'session_generation + 1' })
      .where('id = :id', { id })
      .returning('session_generation')
      .execute();
    return (result.raw as Array<{ session_generation: number }>)[0].session_generation;
  }
}
