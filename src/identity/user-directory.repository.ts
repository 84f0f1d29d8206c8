import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { Organization } from './organization.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';

/**
 * Who receives a notice about a task: `assignee` is the active assignee, else the active staff of the task's unit;
 * `leader` the active 责任领导; `leader_or_admins` the leader, else the organization's active admins;
 * `parent_admins` the active admins of the supervising organization; `person` the one user `personId` names when
 * active and of the task's organization or one above it (who can open the task: the county leader who pressed).
 */
export type Audience = 'assignee' | 'leader' | 'leader_or_admins' | 'parent_admins' | 'person';

export interface RecipientQuery {
  organizationId: string;
  audience: Audience;
  assigneeId: string | null;
  unitId: string | null;
  leaderId: string | null;
  /** The user a `person` query names; the other audiences ignore it. */
  personId?: string | null;
}

/** `query` is the index of the RecipientQuery the person answers. */
export interface ResolvedRecipient {
  query: number;
  userId: string;
  organizationId: string;
  email: string | null;
}

/**
 * The stand-ins for the person a query names (`person`) when that person is missing or inactive: the active
 * users holding `role` in the query's unit or organization (`group`). `alias` names the person's row in the check.
 */
function standInsBranch(fallback: {
  audience: Audience;
  person: 'assignee_id' | 'leader_id';
  alias: string;
  group: 'unit_id' | 'organization_id';
  role: 'staff' | 'admin';
}): string {
  const { audience, person, alias, group, role } = fallback;
  return `SELECT q.query, u.id, u.organization_id, u.email
    FROM q JOIN users u ON u.${group} = q.${group} AND u.role = '${role}' AND u.active
   WHERE q.audience = '${audience}' AND NOT EXISTS (SELECT 1 FROM users ${alias} WHERE ${alias}.id = q.${person} AND ${alias}.active)`;
}

const RECIPIENTS_SQL = `
  WITH RECURSIVE q AS MATERIALIZED (
    SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[])
      AS q(query, organization_id, audience, assignee_id, unit_id, leader_id, person_id)
  ),
  -- The organizations whose users may read the task of a person query: its own and every one above it.
  readers AS (
    SELECT q.query, q.organization_id AS id FROM q WHERE q.audience = 'person'
    UNION ALL
    SELECT r.query, o.parent_id FROM readers r JOIN organizations o ON o.id = r.id WHERE o.parent_id IS NOT NULL
  )
  SELECT q.query, u.id AS user_id, u.organization_id, u.email
    FROM q JOIN users u ON u.id = q.assignee_id AND u.active
   WHERE q.audience = 'assignee'
  UNION ALL
  ${standInsBranch({ audience: 'assignee', person: 'assignee_id', alias: 'a', group: 'unit_id', role: 'staff' })}
  UNION ALL
  SELECT q.query, u.id, u.organization_id, u.email
    FROM q JOIN users u ON u.id = q.leader_id AND u.active
   WHERE q.audience IN ('leader', 'leader_or_admins')
  UNION ALL
  ${standInsBranch({ audience: 'leader_or_admins', person: 'leader_id', alias: 'l', group: 'organization_id', role: 'admin' })}
  UNION ALL
  SELECT q.query, u.id, u.organization_id, u.email
    FROM q JOIN organizations o ON o.id = q.organization_id
    JOIN users u ON u.organization_id = o.parent_id AND u.role = 'admin' AND u.active
   WHERE q.audience = 'parent_admins'
  UNION ALL
  SELECT q.query, u.id, u.organization_id, u.email
    FROM q JOIN users u ON u.id = q.person_id AND u.active
   WHERE q.audience = 'person'
     AND EXISTS (SELECT 1 FROM readers r WHERE r.query = q.query AND r.id = u.organization_id)`;

/** The queries without repeats, and for each query the index of its twin among them. */
function distinctQueries(queries: RecipientQuery[]): { distinct: RecipientQuery[]; indexOf: number[] } {
  const distinct: RecipientQuery[] = [];
  const seen = new Map<string, number>();
  const indexOf = queries.map((query) => {
    const key = [
      query.organizationId,
      query.audience,
      query.assigneeId,
      query.unitId,
      query.leaderId,
      query.personId,
    ].join('|');
    let index = seen.get(key);
    if (index === undefined) seen.set(key, (index = distinct.push(query) - 1));
    return index;
  });
  return { distinct, indexOf };
}

export interface NameIndex {
  /** Username and display name → ids of the active users carrying it (a display name may be shared). */
  users: Map<string, string[]>;
  units: Map<string, string>;
}

/**
 * The reads (and the demo's one write) other features make of users, units and organizations: recipients of
 * notices, names for exports and imports, membership checks. Identity's own services keep theirs.
 * Methods that take a manager run inside the caller's transaction: a transaction that asked the pool for a
 * second connection could wait forever once every connection is held by such a transaction.
 */
@Injectable()
export class UserDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  isUserOf(organizationId: string, userId: string, manager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(User, { id: userId, organizationId });
  }

  /** Role, unit and whether active, of a user of the organization: what an assignment is checked against. */
  findAssignable(
    organizationId: string,
    userId: string,
    manager = this.dataSource.manager,
  ): Promise<Pick<User, 'id' | 'role' | 'unitId' | 'active'> | null> {
    return manager.findOne(User, {
      select: { id: true, role: true, unitId: true, active: true },
      where: { id: userId, organizationId },
    });
  }

  isUnitOf(organizationId: string, unitId: string, manager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(Unit, { id: unitId, organizationId });
  }

  async findActiveUnitIdByName(
    organizationId: string,
    name: string,
    manager = this.dataSource.manager,
  ): Promise<string | null> {
    const unit = await manager.findOne(Unit, {
      select: { id: true },
      where: { organizationId, name, active: true },
    });
    return unit?.id ?? null;
  }

  /** Active users by username and display name, active units by name: what a ledger sheet names people by. */
  async findActiveNameIndex(organizationId: string): Promise<NameIndex> {
    const [users, units] = await Promise.all([
      this.dataSource.manager.find(User, {
        select: { id: true, username: true, displayName: true },
        where: { organizationId, active: true },
      }),
      this.dataSource.manager.find(Unit, {
        select: { id: true, name: true },
        where: { organizationId, active: true },
      }),
    ]);
    const byName = new Map<string, string[]>();
    for (const user of users)
      for (const name of new Set([user.username, user.displayName]))
        byName.set(name, [...(byName.get(name) ?? []), user.id]);
    return { users: byName, units: new Map(units.map((unit) => [unit.name, unit.id])) };
  }

  /** Display names of users and names of units by id, active or not (a ledger shows who was responsible). */
  async findNames(ids: { userIds: string[]; unitIds: string[] }) {
    const [users, units] = await Promise.all([
      ids.userIds.length
        ? this.dataSource.manager.find(User, {
            select: { id: true, displayName: true },
            where: { id: In(ids.userIds) },
          })
        : [],
      ids.unitIds.length
        ? this.dataSource.manager.find(Unit, {
            select: { id: true, name: true },
            where: { id: In(ids.unitIds) },
          })
        : [],
    ]);
    return {
      users: new Map(users.map((user) => [user.id, user.displayName])),
      units: new Map(units.map((unit) => [unit.id, unit.name])),
    };
  }

  /** Names by id, in name order. */
  async findOrganizationNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const organizations = await this.dataSource.manager.find(Organization, {
      select: { id: true, name: true },
      where: { id: In(ids) },
      order: { name: 'ASC' },
    });
    return new Map(organizations.map((organization) => [organization.id, organization.name]));
  }

  async findAllOrganizationIds(): Promise<string[]> {
    const organizations = await this.dataSource.manager.find(Organization, { select: { id: true } });
    return organizations.map((organization) => organization.id);
  }

  /** The active leaders of the organizations, with their e-mail (whether a notice can also be mailed). */
  findActiveLeaders(
    organizationIds: string[],
  ): Promise<Array<{ id: string; organizationId: string; email: string | null }>> {
    return this.dataSource.query(
      `SELECT id, organization_id AS "organizationId", email FROM users
        WHERE organization_id = ANY($1::uuid[]) AND role = 'leader' AND active ORDER BY organization_id, id`,
      [organizationIds],
    );
  }

  /**
   * What a delivery addresses: the person's name and e-mail, whether or not they are still active; `phone` is for
   * group robots' @mentions.
   */
  findRecipient(userId: string): Promise<Pick<User, 'id' | 'displayName' | 'email' | 'phone'> | null> {
    return this.dataSource.manager.findOne(User, {
      select: { id: true, displayName: true, email: true, phone: true },
      where: { id: userId },
    });
  }

  /**
   * Everyone each query reaches (see Audience), in one statement for any number of queries: a sweep asks for
   * tens of thousands at once, most of them alike (tasks share their assignee, unit and leader), so each distinct
   * query is sent once and its people are given to every query like it. Separate branches rather than OR-joins,
   * so each is a hash join.
   */
  async resolveRecipients(queries: RecipientQuery[]): Promise<ResolvedRecipient[]> {
    if (!queries.length) return [];
    const { distinct, indexOf } = distinctQueries(queries);
    const rows: Array<{ query: number; user_id: string; organization_id: string; email: string | null }> =
      await this.dataSource.query(RECIPIENTS_SQL, [
        distinct.map((_, index) => index),
        distinct.map((query) => query.organizationId),
        distinct.map((query) => query.audience),
        distinct.map((query) => query.assigneeId),
        distinct.map((query) => query.unitId),
        distinct.map((query) => query.leaderId),
        distinct.map((query) => query.personId ?? null),
      ]);
    const reached: ResolvedRecipient[][] = distinct.map(() => []);
    for (const row of rows)
      reached[row.query].push({
        query: row.query,
        userId: row.user_id,
        organizationId: row.organization_id,
        email: row.email,
      });
    return indexOf.flatMap((distinctIndex, query) =>
      reached[distinctIndex].map((recipient) => ({ ...recipient, query })),
    );
  }

  /** The demo's check that it has run before. */
  async usernameExists(username: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(User, { username });
  }

  /** The top-level organization of that name (the first-admin bootstrap may have made it), created if missing. */
  async findOrCreateRootOrganization(name: string): Promise<string> {
    const db = this.dataSource.manager;
    const existing = await db.findOne(Organization, {
      select: { id: true },
      where: { name, parentId: IsNull() },
      order: { createdAt: 'ASC' },
    });
    if (existing) return existing.id;
    return (await db.save(db.create(Organization, { name }))).id;
  }
}
