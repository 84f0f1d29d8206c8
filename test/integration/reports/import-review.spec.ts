import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayIn } from '../../../src/common/calendar';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';
import { multipart } from '../ledger/ledger-fixtures';

/** Two problems, two causes and two measures; the first measure's deadline (2020) is long past, the second's is not. */
const REPORT = readFileSync(join(__dirname, '../../fixtures/reports/township-past-deadlines.txt'), 'utf8');

interface ReviewItem {
  id: string;
  kind: string;
  title: string;
  reportedDeadline: string | null;
  suggestedDeadline: string;
  suggestedDeadlinePast: boolean;
  suggestedProblemItemId: string | null;
}

describe('import review: deadlines never past, measures linked to their problems', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let other: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start();
    org = await Fixtures.of(app).organization();
    other = await Fixtures.of(app).organization();
  });
  afterAll(() => app.close());

  async function upload(owner: OrgWithUsers, text = REPORT): Promise<{ id: string; items: ReviewItem[] }> {
    const { body, headers } = multipart('青山镇.txt', text);
    const response = await app.post('/api/v1/reports', body, { token: owner.users.admin.token, headers });
    expect(response.status).toBe(201);
    return response.body;
  }

  const confirm = (owner: OrgWithUsers, reportId: string, items: object[]) =>
    app.post(`/api/v1/reports/${reportId}/tasks`, { items }, { token: owner.users.leader.token });

  it('flags a past suggested deadline and offers the organization’s default day instead, never a past one', async () => {
    const settings = await app.patch(
      '/api/v1/organizations/current/settings',
      { defaultDeadline: '06-30' },
      { token: org.users.admin.token },
    );
    expect(settings.status).toBe(200);
    const report = await upload(org, REPORT.replace('青山镇人民政府关于', '青山镇人民政府（设置）关于'));
    const today = todayIn('Asia/Shanghai');
    const training = report.items.find((item) => item.title.startsWith('加强执法人员业务培训'))!;
    expect(training).toMatchObject({ reportedDeadline: '2020-12-31', suggestedDeadlinePast: true });
    expect(training.suggestedDeadline).toMatch(/^\d{4}-06-30$/);
    expect(training.suggestedDeadline >= today).toBe(true);
    const future = report.items.find((item) => item.reportedDeadline === '2099-06-30')!;
    expect(future).toMatchObject({ suggestedDeadline: '2099-06-30', suggestedDeadlinePast: false });
    for (const item of report.items) expect(item.suggestedDeadline >= today).toBe(true);

    // Confirmed without a deadline of its own, the item takes the offered day, not the past one.
    const created = await confirm(org, report.id, [{ itemId: training.id }]);
    expect(created.status).toBe(201);
    expect(created.body.tasks[0].deadline).toBe(training.suggestedDeadline);
  });

  it('suggests for each measure the problem it answers, and stores the link when both are confirmed together', async () => {
    const report = await upload(org);
    const problems = report.items.filter((item) => item.kind === 'problem');
    const measures = report.items.filter((item) => item.kind === 'measure');
    expect(problems).toHaveLength(2);
    expect(measures.map((measure) => measure.suggestedProblemItemId)).toEqual(problems.map((p) => p.id));
    expect(problems.every((problem) => problem.suggestedProblemItemId === null)).toBe(true);

    // The measure comes first in the request: the problem's task is still made first and the link points at it.
    const created = await confirm(org, report.id, [
      { itemId: measures[0].id, problemItemId: problems[0].id },
      { itemId: problems[0].id },
    ]);
    expect(created.status).toBe(201);
    const [measureTask, problemTask] = created.body.tasks;
    expect(problemTask.itemType).toBe('problem');
    expect(measureTask.problemTaskId).toBe(problemTask.id);
    const stored = await app.get(`/api/v1/tasks/${measureTask.id}`, { token: org.users.leader.token });
    expect(stored.body.problemTaskId).toBe(problemTask.id);

    // A measure confirmed later links to the problem's existing task.
    const later = await confirm(org, report.id, [{ itemId: measures[1].id, problemItemId: problems[0].id }]);
    expect(later.status).toBe(201);
    expect(later.body.tasks[0].problemTaskId).toBe(problemTask.id);
  });

  it('refuses links that do not go from a measure to a problem of the same report, with 400 and nothing made', async () => {
    const report = await upload(org, REPORT.replace('青山镇人民政府关于', '青山镇人民政府（校验）关于'));
    const foreign = await upload(other);
    const [problem, secondProblem] = report.items.filter((item) => item.kind === 'problem');
    const cause = report.items.find((item) => item.kind === 'cause')!;
    const measure = report.items.find((item) => item.kind === 'measure')!;
    const foreignProblem = foreign.items.find((item) => item.kind === 'problem')!;
    const refused = [
      [{ itemId: measure.id, problemItemId: foreignProblem.id }, { itemId: problem.id }],
      [{ itemId: measure.id, problemItemId: cause.id }, { itemId: cause.id }],
      [{ itemId: cause.id, problemItemId: problem.id }, { itemId: problem.id }],
      [{ itemId: measure.id, problemItemId: secondProblem.id }],
    ];
    for (const items of refused) {
      const response = await confirm(org, report.id, items);
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 400,
        code: 'PROBLEM_LINK_INVALID',
      });
      expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const after = await app.get(`/api/v1/reports/${report.id}`, { token: org.users.leader.token });
    expect(after.body.items.filter((item: { taskId: string | null }) => item.taskId)).toEqual([]);
  });
});
