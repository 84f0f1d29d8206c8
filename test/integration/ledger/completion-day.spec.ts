import { todayIn } from '../../../src/common/calendar';
import { TestApp, testRuntime } from '../../support/test-app';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';

/** 申请销号 carries the day the work was done (completedOn); approval keeps it, sending back clears it. */
describe('POST /tasks/:id/updates with completedOn', () => {
  let app: TestApp;
  let fixtures: Fixtures;
  let org: OrgWithUsers;
  const today = todayIn('Asia/Shanghai');

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    fixtures = Fixtures.of(app);
    org = await fixtures.organization();
  });
  afterAll(() => app.close());

  async function taskMadeOn(createdAt: string): Promise<string> {
    const id = await fixtures.task(org.org.id, {
      deadline: '2099-12-31',
      unitId: org.users.staff.unitId,
      leaderId: org.users.leader.id,
    });
    await fixtures.backdate(id, { createdAt: `${createdAt}T09:00:00+08:00` });
    return id;
  }

  const submit = (id: string, extra: Record<string, unknown>) =>
    app.post(
      `/api/v1/tasks/${id}/updates`,
      { status: 'pending_review', note: '已完成', outcome: '制定制度3项', ...extra },
      { token: org.users.staff.token },
    );

  it('keeps the given day through approval', async () => {
    const id = await taskMadeOn('2025-01-10');
    const submitted = await submit(id, { completedOn: '2025-06-28' });
    expect(submitted.status).toBe(201);
    expect(submitted.body.completedOn).toBe('2025-06-28');
    const approved = await app.post(
      `/api/v1/tasks/${id}/review`,
      { decision: 'approve' },
      { token: org.users.leader.token },
    );
    expect(approved.body).toMatchObject({ status: 'completed', completedOn: '2025-06-28' });
  });

  it('defaults to today and is cleared when the leader sends the task back', async () => {
    const id = await taskMadeOn('2025-01-10');
    expect((await submit(id, {})).body.completedOn).toBe(today);
    const rejected = await app.post(
      `/api/v1/tasks/${id}/review`,
      { decision: 'reject', comment: '佐证不足' },
      { token: org.users.leader.token },
    );
    expect(rejected.body).toMatchObject({ status: 'in_progress', completedOn: null });
  });

  it.each([
    ['2099-01-01', 'COMPLETED_ON_IN_FUTURE'],
    ['2025-01-09', 'COMPLETED_ON_BEFORE_TASK'],
    ['2025-02-30', 'VALIDATION_FAILED'],
    ['2025-06-30T10:00:00', 'INVALID_COMPLETED_ON'],
  ])('refuses %s with %s and leaves the task as it was', async (completedOn, code) => {
    const id = await taskMadeOn('2025-01-10');
    const refused = await submit(id, { completedOn });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(code);
    expect(refused.body.message).toMatch(/[\u4e00-\u9fff]/);
    const task = await app.get(`/api/v1/tasks/${id}`, { token: org.users.leader.token });
    expect(task.body).toMatchObject({ status: 'in_progress', completedOn: null });
  });

  it('refuses a completion day on an update that does not ask for 销号', async () => {
    const id = await taskMadeOn('2025-01-10');
    const refused = await app.post(
      `/api/v1/tasks/${id}/updates`,
      { progress: 50, note: '推进中', completedOn: '2025-03-01' },
      { token: org.users.staff.token },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('COMPLETED_ON_WITHOUT_REVIEW');
  });
});
