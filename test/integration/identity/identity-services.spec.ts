import { OrganizationScopeService } from '../../../src/identity/org-scope';
import { UnitsService } from '../../../src/identity/units.service';
import { UsersService } from '../../../src/identity/users.service';
import { UserRepository } from '../../../src/identity/user.repository';
import { createOrgWithUsers } from '../../support/fixtures';
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

  it('findActiveAccount reads an active caller with the session generation their tokens must carry, and nobody once deactivated', async () => {
    const fixture = await createOrgWithUsers(app);
    const users = app.app.get(UsersService);
    const accounts = app.app.get(UserRepository);
    expect(await accounts.findActiveAccount(fixture.users.staff.id)).toEqual({
      user: {
        id: fixture.users.staff.id,
        organizationId: fixture.org.id,
        role: 'staff',
        unitId: fixture.users.staff.unitId,
        username: fixture.users.staff.username,
        displayName: fixture.users.staff.displayName,
      },
      sessionGeneration: 0,
    });
    const admin = {
      id: fixture.users.admin.id,
      organizationId: fixture.org.id,
      role: 'admin' as const,
      unitId: null,
      username: '',
      displayName: '',
    };
    await users.update(admin, fixture.users.viewer.id, { role: 'leader' });
    expect((await accounts.findActiveAccount(fixture.users.viewer.id))?.sessionGeneration).toBe(1);
    await users.deactivate(admin, fixture.users.staff.id);
    expect(await accounts.findActiveAccount(fixture.users.staff.id)).toBeNull();
  });
});
