import { randomUUID } from 'node:crypto';
import { Fixtures } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';
import { countyWithTownships } from './county-fixtures';

describe('county drill-down: a township ledger, read-only, inside the subtree only', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('lists and opens a township task for the county, with the ledger filters, and refuses every change', async () => {
    const city = await Fixtures.of(app).organization({ name: '平顶山市人民政府' });
    const { county, townships } = await countyWithTownships(app, 2, city.org.id);
    const sibling = await countyWithTownships(app, 1, city.org.id);
    const [township] = townships;
    const fixtures = Fixtures.of(app);
    const unitId = township.units['司法所'].id;
    const overdue = await fixtures.task(township.org.id, {
      deadline: '2020-01-01',
      title: '逾期整改任务',
      unitId,
    });
    await fixtures.task(township.org.id, { deadline: '2099-01-01', title: '正常推进任务', unitId });
    await fixtures.task(townships[1].org.id, { deadline: '2099-01-01', title: '另一个乡镇的任务' });
    const token = county.users.leader.token;

    const all = await app.get(`/api/v1/tasks?organizationId=${township.org.id}`, { token });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(
      all.body.items.every((task: { organizationId: string }) => task.organizationId === township.org.id),
    ).toBe(true);
    const filtered = await app.get(`/api/v1/tasks?organizationId=${township.org.id}&overdue=true`, { token });
    expect(filtered.body.items.map((task: { id: string }) => task.id)).toEqual([overdue]);
    const fromCity = await app.get(`/api/v1/tasks?organizationId=${township.org.id}&light=red`, {
      token: city.users.viewer.token,
    });
    expect(fromCity.body.total).toBe(1);
    const names = await app.get(`/api/v1/directory?organizationId=${township.org.id}`, { token });
    expect(names.body.units.map((unit: { id: string }) => unit.id)).toContain(unitId);

    const opened = await app.get(`/api/v1/tasks/${overdue}`, { token });
    expect(opened.status).toBe(200);
    // From above, the only thing a county leader may do to a township's task is press it (县级督办).
    expect(opened.body).toMatchObject({ id: overdue, title: '逾期整改任务', allowedActions: ['urge'] });

    const writes = [
      app.patch(`/api/v1/tasks/${overdue}`, { version: opened.body.version, title: '改名' }, { token }),
      app.post(`/api/v1/tasks/${overdue}/updates`, { progress: 50, note: '县里代报' }, { token }),
      app.post(
        `/api/v1/tasks/${overdue}/cancel`,
        { reason: '县里撤销' },
        { token: county.users.admin.token },
      ),
      app.post(
        `/api/v1/tasks/${overdue}/review`,
        { decision: 'approve' },
        { token: county.users.admin.token },
      ),
    ];
    for (const response of await Promise.all(writes)) expect([403, 404]).toContain(response.status);
    const after = await app.get(`/api/v1/tasks/${overdue}`, { token: township.users.leader.token });
    expect(after.body).toMatchObject({ title: '逾期整改任务', progress: 0, version: opened.body.version });

    // Outside the subtree: a sibling county's township, a county above, an unknown id.
    const sideways = await app.get(`/api/v1/tasks?organizationId=${sibling.townships[0].org.id}`, { token });
    expect(sideways.status).toBe(404);
    expect(sideways.body.code).toBe('ORGANIZATION_NOT_FOUND');
    const siblingTask = await fixtures.task(sibling.townships[0].org.id, { deadline: '2099-01-01' });
    expect((await app.get(`/api/v1/tasks/${siblingTask}`, { token })).status).toBe(404);
    const upwards = await app.get(`/api/v1/tasks?organizationId=${county.org.id}`, {
      token: township.users.leader.token,
    });
    expect(upwards.status).toBe(404);
    expect((await app.get(`/api/v1/tasks?organizationId=${randomUUID()}`, { token })).status).toBe(404);
    expect(
      (
        await app.get(`/api/v1/directory?organizationId=${county.org.id}`, {
          token: township.users.viewer.token,
        })
      ).status,
    ).toBe(404);
  });
});
