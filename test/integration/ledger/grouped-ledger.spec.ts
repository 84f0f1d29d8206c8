import { Fixtures, ImportedTask, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';
import { LEDGER_UNITS, SAMPLE_REPORT } from './ledger-fixtures';

interface Entry {
  id: string;
  seq: number;
  title: string;
  problemTitle: string | null;
  progressText: string;
}
interface Group {
  seq: number;
  problemId: string | null;
  problemTitle: string | null;
  problem: Entry | null;
  measures: Entry[];
}

describe('ledger: measures grouped under the problem they answer (PATCH problemTaskId, GET /tasks/ledger)', () => {
  let app: TestApp;
  let fixtures: Fixtures;
  let org: OrgWithUsers;
  let imported: ImportedTask[];
  let problems: ImportedTask[];
  let plans: ImportedTask[];
  const measures: string[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    fixtures = Fixtures.of(app);
    org = await fixtures.organization({ units: LEDGER_UNITS });
    imported = await fixtures.importReport(org.org.id, SAMPLE_REPORT, '2099-12-31');
    problems = imported.filter((task) => task.itemKind === 'problem');
    plans = imported.filter((task) => task.itemKind === 'plan');
    for (const title of ['开展执法人员轮训', '建立以案释法案例库'])
      measures.push(
        await fixtures.task(org.org.id, {
          title,
          deadline: '2099-06-30',
          status: 'assigned',
          planYear: 2025,
          leaderId: org.users.leader.id,
          unitId: org.units[LEDGER_UNITS[0]].id,
        }),
      );
  });
  afterAll(() => app.close());

  const leader = () => ({ token: org.users.leader.token });
  async function link(taskId: string, problemTaskId: string | null, token = org.users.leader.token) {
    const task = await app.get(`/api/v1/tasks/${taskId}`, { token });
    return app.patch(`/api/v1/tasks/${taskId}`, { version: task.body.version, problemTaskId }, { token });
  }
  const ledger = async (query = ''): Promise<{ body: { groups: Group[] } & Record<string, unknown> }> =>
    app.get(`/api/v1/tasks/ledger${query}`, leader());

  it('links a measure to a problem of the same organization, recorded in its history, and unlinks it with null', async () => {
    const linked = await link(measures[0], problems[0].id);
    expect(linked.status).toBe(200);
    expect(linked.body.problemTaskId).toBe(problems[0].id);
    expect(linked.body.history.at(-1).changes.problemTaskId).toEqual({ from: null, to: problems[0].id });
    const unlinked = await link(measures[0], null);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.problemTaskId).toBeNull();
  });

  it('refuses a target that is not a problem, a problem of another organization, and a problem as the linked task', async () => {
    const notProblem = await link(measures[0], plans[0].id);
    expect(notProblem.status).toBe(400);
    expect(notProblem.body.code).toBe('PROBLEM_LINK_INVALID');
    const otherOrg = await fixtures.organization();
    const [foreign] = await fixtures.importReport(otherOrg.org.id, SAMPLE_REPORT);
    const elsewhere = await link(measures[0], foreign.id);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('PROBLEM_NOT_FOUND');
    const problemToProblem = await link(problems[1].id, problems[0].id);
    expect(problemToProblem.status).toBe(400);
    expect(problemToProblem.body.code).toBe('PROBLEM_LINK_INVALID');
    const byStaff = await link(measures[0], problems[0].id, org.users.staff.token);
    expect(byStaff.status).toBe(403);
    expect((await app.get(`/api/v1/tasks/${measures[0]}`, leader())).body.problemTaskId).toBeNull();
  });

  it('numbers groups in report order with each measure under its problem, and counts tasks and groups', async () => {
    for (const id of measures) expect((await link(id, problems[1].id)).status).toBe(200);
    const { body } = await ledger();
    expect(body).toMatchObject({ taskCount: imported.length + 2, groupCount: imported.length, year: 2025 });
    expect(body.title).toBe(`${org.org.name}2025年度法治政府建设问题整改台账`);
    expect(body.groups.map((group) => group.seq)).toEqual(imported.map((_, index) => index + 1));
    const second = body.groups[1];
    expect(second.problem?.id).toBe(problems[1].id);
    expect(second.measures.map((entry) => entry.id)).toEqual(measures);
    expect(
      second.measures.every((entry) => entry.seq === 2 && entry.problemTitle === problems[1].title),
    ).toBe(true);
    expect(body.groups[0]).toMatchObject({ problemId: problems[0].id, measures: [] });
    expect(body.groups.slice(2).map((group) => group.measures[0].id)).toEqual(plans.map((plan) => plan.id));
  });

  it('pages by group and keeps the problem title over measures whose problem is filtered out', async () => {
    const { body } = await ledger('?pageSize=1&page=2');
    expect(body).toMatchObject({ page: 2, pageSize: 1, groupCount: imported.length });
    expect(body.groups).toHaveLength(1);
    expect(body.groups[0].measures).toHaveLength(2);
    const measuresOnly = await ledger('?itemType=measure');
    expect(measuresOnly.body.groups).toHaveLength(1);
    expect(measuresOnly.body.groups[0]).toMatchObject({
      seq: 1,
      problem: null,
      problemId: problems[1].id,
      problemTitle: problems[1].title,
    });
    const past = await ledger('?pageSize=5&page=9');
    expect(past.body).toMatchObject({ groups: [], taskCount: imported.length + 2 });
  });

  it('filters by year and by report', async () => {
    const elsewhere = await fixtures.task(org.org.id, {
      title: '上一年度的任务',
      deadline: null,
      planYear: 2024,
    });
    const ofYear = await ledger('?year=2025');
    const ids = (body: { groups: Group[] }) =>
      body.groups.flatMap((group) => [group.problem, ...group.measures]).flatMap((entry) => entry?.id ?? []);
    expect(ids(ofYear.body)).not.toContain(elsewhere);
    expect(ids((await ledger('?year=2024')).body)).toEqual([elsewhere]);
    const report = (await app.get(`/api/v1/tasks/${problems[0].id}`, leader())).body.reportId;
    const ofReport = await ledger(`?reportId=${report}`);
    expect(ids(ofReport.body).sort()).toEqual(imported.map((task) => task.id).sort());
  });

  it('writes 进展情况 from the real state: a task sent back reads 退回整改 with the reviewer’s words', async () => {
    const staff = { token: org.users.staff.token };
    const task = measures[0];
    const assign = await app.get(`/api/v1/tasks/${task}`, leader());
    await app.patch(
      `/api/v1/tasks/${task}`,
      { version: assign.body.version, assigneeId: org.users.staff.id },
      leader(),
    );
    const asked = await app.post(
      `/api/v1/tasks/${task}/updates`,
      { status: 'pending_review', progress: 100, note: '整改完成，申请销号', outcome: '已完成轮训' },
      staff,
    );
    expect(asked.status).toBe(201);
    const waiting = (await ledger('?year=2025')).body.groups[1].measures[0];
    expect(waiting.progressText).toBe('待核验，进度 100%：整改完成，申请销号');
    await app.post(`/api/v1/tasks/${task}/review`, { decision: 'reject', comment: '佐证材料不全' }, leader());
    const sentBack = (await ledger('?year=2025')).body.groups[1].measures[0];
    expect(sentBack.progressText).toBe('退回整改，进度 100%：佐证材料不全');
  });

  it('rejects a bad filter with 400', async () => {
    expect((await app.get('/api/v1/tasks/ledger?reportId=x', leader())).status).toBe(400);
    expect((await app.get('/api/v1/tasks/ledger?pageSize=1000', leader())).status).toBe(400);
  });
});
