import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Role } from '../../src/identity/auth-user';
import { hashPassword } from '../../src/identity/passwords';
import type { TestApp } from './test-app';

/** Password of every fixture user (log in with it through POST /auth/login when a test needs the real flow). */
export const FIXTURE_PASSWORD = 'fixture-password-123';
export const FIXTURE_UNITS = ['司法所', '综合行政执法队', '党政办'] as const;

export interface FixtureUser {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  token: string;
}

export interface OrgWithUsers {
  org: { id: string; name: string; parentId: string | null };
  units: Record<string, { id: string; name: string }>;
  users: Record<Role, FixtureUser>;
}

export interface OrgFixtureOptions {
  name?: string;
  parentId?: string | null;
  units?: readonly string[];
  /** Unit of the staff user (a name from `units`); defaults to the first unit. */
  staffUnit?: string;
}

let sharedHash: Promise<string> | undefined;

/**
 * A fresh organization with units and one active user per role, each with a valid access token.
 * Rows go straight in through the DataSource (one hash per process) so it stays fast; usernames are unique per call.
 */
export async function createOrgWithUsers(app: TestApp, opts: OrgFixtureOptions = {}): Promise<OrgWithUsers> {
  const dataSource = app.app.get(DataSource);
  const jwt = app.app.get(JwtService);
  sharedHash ??= hashPassword(FIXTURE_PASSWORD);
  const passwordHash = await sharedHash;
  const suffix = randomUUID().slice(0, 8);
  const name = opts.name ?? `测试镇人民政府-${suffix}`;
  const [org] = await dataSource.query(
    `INSERT INTO organizations (name, parent_id) VALUES ($1, $2) RETURNING id, name, parent_id`,
    [name, opts.parentId ?? null],
  );
  const units: OrgWithUsers['units'] = {};
  for (const unitName of opts.units ?? FIXTURE_UNITS) {
    const [unit] = await dataSource.query(
      `INSERT INTO units (organization_id, name, keywords) VALUES ($1, $2, $3) RETURNING id, name`,
      [org.id, unitName, [unitName]],
    );
    units[unitName] = { id: unit.id, name: unit.name };
  }
  const staffUnitId = units[opts.staffUnit ?? Object.keys(units)[0]]?.id ?? null;
  const users = {} as OrgWithUsers['users'];
  for (const role of ['admin', 'leader', 'staff', 'viewer'] as const) {
    const username = `${role}-${suffix}`;
    const displayName = `${role}用户${suffix}`;
    const unitId = role === 'staff' ? staffUnitId : null;
    const [user] = await dataSource.query(
      `INSERT INTO users (organization_id, unit_id, username, password_hash, display_name, role, email) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [org.id, unitId, username, passwordHash, displayName, role, `${username}@example.test`],
    );
    const token = await jwt.signAsync({ sub: user.id, typ: 'access' });
    users[role] = { id: user.id, username, displayName, unitId, token };
  }
  return { org: { id: org.id, name: org.name, parentId: org.parent_id }, units, users };
}
