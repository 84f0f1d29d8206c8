import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import * as mammoth from 'mammoth';
import { mkdirSync, writeFileSync } from 'node:fs';
import { addDays, todayIn } from '../../../src/common/calendar';
import {
  CountyBulletinsWorker,
  MONTHLY_BULLETIN_CRON,
  MONTHLY_BULLETIN_SCHEDULER,
} from '../../../src/county/county-bulletins.worker';
import { QueueName } from '../../../src/queue/jobs';
import { Fixtures } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { countyWithTownships } from './county-fixtures';

const today = todayIn('Asia/Shanghai');
const thisMonth = today.slice(0, 7);
const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
const year = Number(thisMonth.slice(0, 4));

describe('county bulletins (月度通报)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('all'));
  });
  afterAll(() => app.close());

  async function countyWithWork() {
    const tree = await countyWithTownships(app, 3);
    const fixtures = Fixtures.of(app);
    const [first, second, third] = tree.townships;
    await fixtures.task(first.org.id, { deadline: '2099-12-31', planYear: year, status: 'completed' });
    await fixtures.task(second.org.id, {
      deadline: `${year}-01-01`,
      planYear: year,
      title: '行政执法公示制度未全面落实',
      unitId: second.units['综合行政执法队'].id,
    });
    await fixtures.task(third.org.id, { deadline: '2099-12-31', planYear: year });
    return tree;
  }

  async function countyBulletins(token: string, organizationId: string) {
    const { body } = await app.get('/api/v1/county/bulletins', { token });
    return body.items.filter((item: { organizationId: string }) => item.organizationId === organizationId);
  }

  it('is made once per county and month however often it is asked for, and reads back as a 公文', async () => {
    const { county, townships } = await countyWithWork();
    const token = county.users.leader.token;
    const [first, again] = await Promise.all([
      app.post(`/api/v1/county/bulletins?month=${thisMonth}`, undefined, { token }),
      app.post(`/api/v1/county/bulletins?month=${thisMonth}`, undefined, { token: county.users.admin.token }),
    ]);
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect([first.body.created, again.body.created].sort()).toEqual([false, true]);
    const [year, month] = thisMonth.split('-').map(Number);
    expect(first.body.title).toBe(`关于${year}年${month}月法治政府建设整改工作进展情况的通报`);
    expect(first.body.lines.map((line: { name: string; rank: number }) => [line.name, line.rank])).toEqual([
      [townships[0].org.name, 1],
      [townships[2].org.name, 2],
      [townships[1].org.name, 3],
    ]);
    expect(await countyBulletins(token, county.org.id)).toHaveLength(1);

    const file = await app.get(`/api/v1/county/bulletins/${first.body.id}.docx`, { token });
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('wordprocessingml');
    // The 通报's title names the file; clients reading only `filename` get an ASCII one.
    expect(String(file.headers['content-disposition'])).toBe(
      `attachment; filename="bulletin.docx"; filename*=UTF-8''${encodeURIComponent(`${first.body.title}.docx`)}`,
    );
    // Kept for rendering and looking at (soffice → pdf → png).
    mkdirSync('test-output/documents', { recursive: true });
    writeFileSync('test-output/documents/county-bulletin.docx', file.raw);
    const { value: text } = await mammoth.extractRawText({ buffer: file.raw });
    expect(text.replace(/\n/g, '')).toContain(first.body.title);
    for (const township of townships) expect(text).toContain(township.org.name);
    expect(text).toMatch(
      /行政执法公示制度未全面落实（责任单位：综合行政执法队；完成时限：\d{4}年1月1日；已逾期\d+天）/,
    );
    expect(text).toContain(`红榜（完成率居前）：${townships[0].org.name}。`);
    expect(text).toContain(`黑榜（完成率靠后、逾期较多）：${townships[1].org.name}。`);
    expect(text).toContain(county.org.name);
  });

  it('shows a township only its own line, in the list, the file and a notice to its leader', async () => {
    const { county, townships } = await countyWithWork();
    const issued = await app.post(`/api/v1/county/bulletins?month=${thisMonth}`, undefined, {
      token: county.users.leader.token,
    });
    const late = townships[1];
    const [own] = await countyBulletins(late.users.leader.token, county.org.id);
    expect(own.lines).toEqual([expect.objectContaining({ id: late.org.id, rank: 3, overdue: 1 })]);
    const file = await app.get(`/api/v1/county/bulletins/${issued.body.id}.docx`, {
      token: late.users.admin.token,
    });
    const { value: text } = await mammoth.extractRawText({ buffer: file.raw });
    expect(text).toContain(late.org.name);
    expect(text).toContain('行政执法公示制度未全面落实');
    expect(text).toContain('本单位列入黑榜');
    expect(text).not.toContain(townships[0].org.name);
    const notices = await app.get('/api/v1/notifications', { token: late.users.leader.token });
    expect(notices.body.items).toEqual([
      expect.objectContaining({ kind: 'county_bulletin', title: issued.body.title }),
    ]);
    expect(notices.body.items[0].body).toContain('排名第3位');

    const sibling = await countyWithTownships(app, 1);
    const foreign = await app.get(`/api/v1/county/bulletins/${issued.body.id}.docx`, {
      token: sibling.townships[0].users.leader.token,
    });
    expect(foreign.status).toBe(404);
    const fromTownship = await app.post(`/api/v1/county/bulletins?month=${thisMonth}`, undefined, {
      token: late.users.leader.token,
    });
    expect(fromTownship.status).toBe(403);
    const badMonth = await app.post('/api/v1/county/bulletins?month=2025-13', undefined, {
      token: county.users.leader.token,
    });
    expect(badMonth.status).toBe(400);
    const future = await app.post(
      `/api/v1/county/bulletins?month=${Number(thisMonth.slice(0, 4)) + 1}-01`,
      undefined,
      {
        token: county.users.leader.token,
      },
    );
    expect(future.body.code).toBe('BULLETIN_MONTH_IN_FUTURE');
  });

  it('is scheduled for 08:00 on the 1st and, run twice, leaves one 通报 of the month just ended per county', async () => {
    const { county, townships } = await countyWithWork();
    const queue = app.app.get<Queue>(getQueueToken(QueueName.Rollup));
    const scheduler = await queue.getJobScheduler(MONTHLY_BULLETIN_SCHEDULER);
    expect(scheduler).toMatchObject({ pattern: MONTHLY_BULLETIN_CRON, tz: 'Asia/Shanghai' });

    const worker = app.app.get(CountyBulletinsWorker);
    await worker.queueAll('previous');
    await worker.queueAll('previous');
    const [bulletin] = await waitFor(async () => {
      const found = await countyBulletins(county.users.leader.token, county.org.id);
      return found.length ? found : null;
    });
    expect(bulletin).toMatchObject({ month: lastMonth, asOf: addDays(`${thisMonth}-01`, -1) });
    await app.post(`/api/v1/county/bulletins?month=${lastMonth}`, undefined, {
      token: county.users.leader.token,
    });
    // A second 通报 or notice could only come from a bulletin job still to run: wait until none is left.
    await waitFor(
      async () =>
        !(await queue.getJobs(['wait', 'prioritized', 'delayed', 'active'])).some(
          (job) => job.name === 'county.bulletin',
        ),
    );
    expect(await countyBulletins(county.users.leader.token, county.org.id)).toHaveLength(1);
    const notices = await app.get('/api/v1/notifications', { token: townships[0].users.leader.token });
    expect(
      notices.body.items.filter((item: { kind: string }) => item.kind === 'county_bulletin'),
    ).toHaveLength(1);
  });
});
