import { TestApp, testRuntime } from '../../support/test-app';
import { FixtureUser, Fixtures, OrgWithUsers } from '../../support/fixtures';
import { LEDGER_UNITS, SAMPLE_REPORT, multipart } from '../ledger/ledger-fixtures';

describe('supervision: rules the server enforces on 申请销号, assignees, deadlines and extensions', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let otherUnitStaff: FixtureUser;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    org = await Fixtures.of(app).organization({ units: LEDGER_UNITS });
    otherUnitStaff = await Fixtures.of(app).user(org.org.id, 'staff', {
      unitId: org.units[LEDGER_UNITS[1]].id,
    });
  });
  afterAll(() => app.close());

  function assignedTask(of: OrgWithUsers = org) {
    return Fixtures.of(app).task(of.org.id, {
      deadline: '2099-03-31',
      status: 'in_progress',
      leaderId: of.users.leader.id,
      unitId: of.users.staff.unitId,
      assigneeId: of.users.staff.id,
    });
  }

  const submit = (id: string, body: Record<string, unknown>, token = org.users.staff.token) =>
    app.post(`/api/v1/tasks/${id}/updates`, { status: 'pending_review', note: '已完成', ...body }, { token });

  it('refuses 申请销号 without a 整改成效 (missing or blank) and accepts it with one', async () => {
    const id = await assignedTask();
    const missing = await submit(id, {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'OUTCOME_REQUIRED', message: '申请销号须填写整改成效' });
    const blank = await submit(id, { outcome: '   ' });
    expect(blank.body.code).toBe('OUTCOME_REQUIRED');
    const stillOpen = await app.get(`/api/v1/tasks/${id}`, { token: org.users.staff.token });
    expect(stillOpen.body.status).toBe('in_progress');
    const accepted = await submit(id, { outcome: '培训执法人员42人次' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'pending_review', outcome: '培训执法人员42人次' });
  });

  it('refuses 申请销号 without evidence where the organization asks for it, and accepts it with evidence', async () => {
    const strict = await Fixtures.of(app).organization({ units: LEDGER_UNITS });
    const settings = await app.patch(
      '/api/v1/organizations/current/settings',
      { requireEvidenceForReview: true },
      { token: strict.users.admin.token },
    );
    expect(settings.body.requireEvidenceForReview).toBe(true);
    const id = await assignedTask(strict);
    const token = strict.users.staff.token;
    const bare = await submit(id, { outcome: '已整改' }, token);
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('EVIDENCE_REQUIRED');
    const { body, headers } = multipart('培训签到表.pdf', '%PDF-1.4 签到', 'application/pdf');
    const evidence = await app.post(`/api/v1/tasks/${id}/evidence`, body, { token, headers });
    expect(evidence.status).toBe(201);
    const withEvidence = await submit(id, { outcome: '已整改', evidenceIds: [evidence.body.id] }, token);
    expect(withEvidence.status).toBe(201);
    expect(withEvidence.body.status).toBe('pending_review');
  });

  describe('assignees must be active staff or leaders of the task unit', () => {
    const reassign = async (assigneeId: string) => {
      const id = await assignedTask();
      return app.patch(`/api/v1/tasks/${id}`, { version: 1, assigneeId }, { token: org.users.leader.token });
    };

    it.each([
      ['a viewer', 'viewer', 'ASSIGNEE_ROLE'],
      ['an admin', 'admin', 'ASSIGNEE_ROLE'],
    ] as const)('refuses %s (PATCH /tasks/:id)', async (_name, role, code) => {
      const refused = await reassign(org.users[role].id);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe(code);
      expect(refused.body.message).toMatch(/责任人/);
    });

    it('refuses an inactive staff member and staff of another unit', async () => {
      const gone = await Fixtures.of(app).user(org.org.id, 'staff', {
        unitId: org.users.staff.unitId,
        active: false,
      });
      expect((await reassign(gone.id)).body.code).toBe('ASSIGNEE_INACTIVE');
      const elsewhere = await reassign(otherUnitStaff.id);
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.code).toBe('ASSIGNEE_NOT_IN_UNIT');
    });

    it('accepts staff of the unit and a leader; moving unit and assignee together is fine', async () => {
      const colleague = await Fixtures.of(app).user(org.org.id, 'staff', { unitId: org.users.staff.unitId });
      expect((await reassign(colleague.id)).status).toBe(200);
      expect((await reassign(org.users.leader.id)).status).toBe(200);
      const id = await assignedTask();
      const moved = await app.patch(
        `/api/v1/tasks/${id}`,
        { version: 1, unitId: otherUnitStaff.unitId, assigneeId: otherUnitStaff.id },
        { token: org.users.leader.token },
      );
      expect(moved.status).toBe(200);
      expect(moved.body.assigneeId).toBe(otherUnitStaff.id);
    });

    it('refuses a viewer when confirming a report item (POST /reports/:id/tasks), accepts staff', async () => {
      const { body, headers } = multipart('r.txt', `${SAMPLE_REPORT}\n${Math.random()}`);
      const report = await app.post('/api/v1/reports', body, { token: org.users.admin.token, headers });
      const item = report.body.items.find((candidate: { kind: string }) => candidate.kind === 'problem');
      const confirm = (assigneeId: string) =>
        app.post(
          `/api/v1/reports/${report.body.id}/tasks`,
          { items: [{ itemId: item.id, leaderId: org.users.leader.id, assigneeId, deadline: '2099-01-31' }] },
          { token: org.users.leader.token },
        );
      const refused = await confirm(org.users.viewer.id);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('ASSIGNEE_ROLE');
      const accepted = await confirm(otherUnitStaff.id);
      expect(accepted.status).toBe(201);
      // The assignee's unit becomes the task's unit.
      expect(accepted.body.tasks[0]).toMatchObject({
        assigneeId: otherUnitStaff.id,
        unitId: otherUnitStaff.unitId,
      });
    });
  });

  it('a deadline change keeps the old and new deadline in the history, with the reason given', async () => {
    const id = await assignedTask();
    const changed = await app.patch(
      `/api/v1/tasks/${id}`,
      { version: 1, deadline: '2099-06-30', reason: '县里统一调整' },
      { token: org.users.leader.token },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.history.at(-1)).toMatchObject({
      action: 'updated',
      note: '县里统一调整',
      changes: { deadline: { from: '2099-03-31', to: '2099-06-30' } },
    });
  });

  it('refuses a second pending extension request with 409 and accepts one after the first is decided', async () => {
    const id = await assignedTask();
    const token = org.users.staff.token;
    const ask = (requestedDeadline: string) =>
      app.post(`/api/v1/tasks/${id}/extensions`, { requestedDeadline, reason: '等待批复' }, { token });
    const first = await ask('2099-05-31');
    expect(first.status).toBe(201);
    const second = await ask('2099-06-30');
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'EXTENSION_PENDING', message: '该任务已有待审批的延期申请' });
    await app.post(
      `/api/v1/tasks/${id}/extensions/${first.body.extensionRequests[0].id}/decision`,
      { decision: 'refuse', comment: '理由不充分' },
      { token: org.users.leader.token },
    );
    expect((await ask('2099-06-30')).status).toBe(201);
  });
});
