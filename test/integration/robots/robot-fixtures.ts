import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser, Role } from '../../../src/identity/auth-user';
import { RobotReminder } from '../../../src/robots/robot-reminder';
import { OrgWithUsers } from '../../support/fixtures';
import type { TestApp } from '../../support/test-app';

export { waitFor } from '../../support/wait-for';

/** Robots on local receivers (any host, http on loopback) and a key of the spec file's own, so nothing lands in .data/. */
export function robotEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ROBOT_ALLOW_ANY_HOST: 'true',
    ROBOT_SECRET_KEY: randomBytes(32).toString('base64'),
    PUBLIC_BASE_URL: 'https://zfjs.example.gov.cn',
    ...overrides,
  };
}

export function callerOf(fixture: OrgWithUsers, role: Role = 'admin'): AuthUser {
  const user = fixture.users[role];
  return {
    id: user.id,
    organizationId: fixture.org.id,
    role,
    unitId: user.unitId,
    username: user.username,
    displayName: user.displayName,
  };
}

export function reminderFor(
  title: string,
  people: RobotReminder['people'],
  overrides: Partial<RobotReminder> = {},
) {
  return {
    kind: 'due' as const,
    taskId: randomUUID(),
    taskTitle: title,
    unitName: '司法所',
    deadline: '2026-06-30',
    asOf: '2026-06-27',
    people,
    ...overrides,
  };
}

export interface StoredRobotMessage {
  delivery_key: string;
  status: string;
  attempts: number;
  deferrals: number;
  last_error: string | null;
  batch_id: string | null;
}

export async function robotMessages(app: TestApp, robotId: string): Promise<StoredRobotMessage[]> {
  return app.app
    .get(DataSource)
    .query(
      `SELECT delivery_key, status, attempts, deferrals, last_error, batch_id FROM robot_messages WHERE robot_id = $1 ORDER BY id`,
      [robotId],
    );
}
