import { DataSource } from 'typeorm';
import { TestApp } from '../../support/test-app';
import { Fixtures } from '../../support/fixtures';
import { uniqueSuffix } from '../../support/test-env';
import { LEDGER_UNITS, SAMPLE_REPORT, multipart } from './ledger-fixtures';

describe('ledger: county dashboard', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('shows completion rates and lights per township to the county, and nothing of the county to a township', async () => {
    const county = await Fixtures.of(app).organization({
      name: `鲁山县人民政府${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
    const township = await Fixtures.of(app).organization({
      name: `鲁山县张良镇人民政府${uniqueSuffix()}`,
      units: LEDGER_UNITS,
    });
    await app.app
      .get(DataSource)
      .query(`UPDATE organizations SET parent_id = $1 WHERE id = $2`, [county.org.id, township.org.id]);

    const { body, headers } = multipart('r.txt', SAMPLE_REPORT);
    const report = await app.post('/api/v1/reports', body, { token: township.users.leader.token, headers });
    const [overdue, onTime] = report.body.items;
    await app.post(
      `/api/v1/reports/${report.body.id}/tasks`,
      {
        items: [
          {
            itemId: overdue.id,
            leaderId: township.users.leader.id,
            unitId: township.units['综合行政执法队'].id,
            deadline: '2020-01-31',
          },
          {
            itemId: onTime.id,
            leaderId: township.users.leader.id,
            unitId: township.units['综合行政执法队'].id,
            deadline: '2099-01-31',
          },
        ],
      },
      { token: township.users.leader.token },
    );

    const stats = await app.get('/api/v1/tasks/stats', { token: county.users.viewer.token });
    expect(stats.status).toBe(200);
    expect(stats.body.byOrganization).toEqual([
      expect.objectContaining({
        organizationId: township.org.id,
        total: 2,
        completed: 0,
        completionRate: 0,
        red: 1,
        green: 1,
        light: 'red',
      }),
    ]);
    const own = await app.get('/api/v1/tasks/stats', { token: township.users.viewer.token });
    expect(own.body).toMatchObject({ total: 2, overdue: 1, byOrganization: [] });
  });
});
