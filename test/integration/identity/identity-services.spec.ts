import { DataSource } from 'typeorm';
import { poolQuery } from '../../../src/db/pool-query';
import { OrganizationScopeService } from '../../../src/identity/org-scope';
import { UnitsService } from '../../../src/identity/units.service';
import { UsersService } from '../../../src/identity/users.service';
import { createOrgWithUsers } from '../../support/identity-fixtures';
import { TestApp } from '../../support/test-app';

describe('identity services other features build on', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(() => app.close());

  it('visibleOrganizationIds covers the organization and all its descendants, nothing above or beside', async () => {
    const county = await createOrgWithUsers(app);
    const township = await createOrgWithUsers(app, { parentId: county.org.id });
    const village = await createOrgWithUsers(app, { parentId: township.org.id });
    const sibling = await createOrgWithUsers(app, { parentId: county.org.id });
    const scope = app.app.get(OrganizationScopeService);
    expect((await scope.visibleOrganizationIds({ organizationId: county.org.id })).sort()).toEqual(
      [county.org.id, township.org.id, village.org.id, sibling.org.id].sort(),
    );
    expect((await scope.visibleOrganizationIds({ organizationId: township.org.id })).sort()).toEqual(
      [township.org.id, village.org.id].sort(),
    );
    expect(await scope.visibleOrganizationIds({ organizationId: sibling.org.id })).toEqual([sibling.org.id]);
  });

  it('listKeywords returns active units with keywords; findByName looks within one organization', async () => {
    const fixture = await createOrgWithUsers(app, { units: ['司法所', '党政办'] });
    const other = await createOrgWithUsers(app, { units: ['司法所'] });
    const units = app.app.get(UnitsService);
    const admin = {
      id: fixture.users.admin.id,
      organizationId: fixture.org.id,
      role: 'admin' as const,
      unitId: null,
      username: '',
      displayName: '',
    };
    await units.update(admin, fixture.units['党政办'].id, { keywords: ['文秘', '档案'] });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect((await units.listKeywords(fixture.org.id)).sort(byName)).toEqual(
      [
        { name: '党政办', keywords: ['文秘', '档案'] },
        { name: '司法所', keywords: ['司法所'] },
      ].sort(byName),
    );
    await units.deactivate(admin, fixture.units['党政办'].id);
    expect((await units.listKeywords(fixture.org.id)).map((u) => u.name)).toEqual(['司法所']);
    expect((await units.findByName(other.org.id, '司法所'))?.id).toBe(other.units['司法所'].id);
    expect(await units.findByName(other.org.id, '党政办')).toBeNull();
  });

  it('findActiveByIds skips deactivated users and never loads the hash; findByOrganization lists one organization', async () => {
    const fixture = await createOrgWithUsers(app);
    const users = app.app.get(UsersService);
    const admin = {
      id: fixture.users.admin.id,
      organizationId: fixture.org.id,
      role: 'admin' as const,
      unitId: null,
      username: '',
      displayName: '',
    };
    await users.deactivate(admin, fixture.users.viewer.id);
    const found = await users.findActiveByIds([fixture.users.viewer.id, fixture.users.staff.id]);
    expect(found.map((u) => u.id)).toEqual([fixture.users.staff.id]);
    expect(found[0].passwordHash).toBeUndefined();
    expect((await users.findByOrganization(fixture.org.id)).map((u) => u.id).sort()).toEqual(
      Object.values(fixture.users)
        .map((u) => u.id)
        .sort(),
    );
  });

  it("findActiveAuthUser reads the caller with their organization's current task revision, and nobody once deactivated", async () => {
    const fixture = await createOrgWithUsers(app);
    const other = await createOrgWithUsers(app);
    const users = app.app.get(UsersService);
    const addTask = (organizationId: string) =>
      app.app
        .get(DataSource)
        .query(
          `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, status) VALUES ($1, 'rectification', 'measure', '任务', '原文', 'new')`,
          [organizationId],
        );
    const before = await users.findActiveAuthUser(fixture.users.staff.id);
    expect(before?.user).toEqual(
      expect.objectContaining({ id: fixture.users.staff.id, organizationId: fixture.org.id, role: 'staff' }),
    );
    expect(before?.user).not.toHaveProperty('tasksRevision');
    expect(before?.tasksRevision).toBe('0');
    await addTask(fixture.org.id);
    const after = await users.findActiveAuthUser(fixture.users.staff.id);
    expect(BigInt(after!.tasksRevision)).toBeGreaterThan(0n);
    await addTask(other.org.id);
    expect((await users.findActiveAuthUser(fixture.users.staff.id))?.tasksRevision).toBe(
      after?.tasksRevision,
    );
    const admin = {
      id: fixture.users.admin.id,
      organizationId: fixture.org.id,
      role: 'admin' as const,
      unitId: null,
      username: '',
      displayName: '',
    };
    await users.deactivate(admin, fixture.users.staff.id);
    expect(await users.findActiveAuthUser(fixture.users.staff.id)).toBeNull();
  });

  it('findActiveAuthUser is a statement each connection prepares once', async () => {
    const fixture = await createOrgWithUsers(app);
    const users = app.app.get(UsersService);
    const dataSource = app.app.get(DataSource);
    // The pool hands out the client released last, so the next read usually lands on the connection that just
    // ran the account read; a few tries absorb another query taking it in between.
    let prepared: Array<{ statement: string }> = [];
    for (let attempt = 0; attempt < 5 && !prepared.length; attempt++) {
      await users.findActiveAuthUser(fixture.users.staff.id);
      prepared = await poolQuery(
        dataSource,
        `SELECT statement FROM pg_prepared_statements WHERE name = 'active-auth-user'`,
        [],
      );
    }
    expect(prepared).toHaveLength(1);
    expect(prepared[0].statement).toContain('FROM users u WHERE u.id = $1 AND u.active');
  });
});
