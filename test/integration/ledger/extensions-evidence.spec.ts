import { addMonths, todayIn } from '../../../src/common/calendar';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { TestApp, testRuntime } from '../../support/test-app';
import { FixtureUser, Fixtures, OrgWithUsers } from '../../support/fixtures';
import { LEDGER_UNITS, SAMPLE_REPORT, multipart } from './ledger-fixtures';

describe('ledger: extension requests and evidence', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  /** Staff of the other unit. */
  let otherStaff: FixtureUser;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api', { UPLOAD_MAX_BYTES: '4096' }));
    org = await Fixtures.of(app).organization({ units: LEDGER_UNITS });
    otherStaff = await Fixtures.of(app).user(org.org.id, 'staff', { unitId: org.units[LEDGER_UNITS[1]].id });
  });
  afterAll(() => app.close());

  async function assignedTask() {
    const { body, headers } = multipart('r.txt', `${SAMPLE_REPORT}\n${Math.random()}`);
    const report = await app.post('/api/v1/reports', body, { token: org.users.admin.token, headers });
    const item = report.body.items.find((candidate: { kind: string }) => candidate.kind === 'problem');
    const created = await app.post(
      `/api/v1/reports/${report.body.id}/tasks`,
      {
        items: [
          {
            itemId: item.id,
            leaderId: org.users.leader.id,
            assigneeId: otherStaff.id,
            deadline: '2099-01-31',
          },
        ],
      },
      { token: org.users.leader.token },
    );
    return created.body.tasks[0];
  }

  it('approves an extension: deadline changes with the reason in history; a second decision is refused', async () => {
    const task = await assignedTask();
    const token = otherStaff.token; // the assignee, from another unit
    const requested = await app.post(
      `/api/v1/tasks/${task.id}/extensions`,
      { requestedDeadline: '2099-06-30', reason: '需等待上级批复' },
      { token },
    );
    expect(requested.status).toBe(201);
    // A pending request is a flag of its own; the status stays what it was.
    expect(requested.body).toMatchObject({ extensionPending: true, statusLabel: '已交办' });
    const duplicate = await app.post(
      `/api/v1/tasks/${task.id}/extensions`,
      { requestedDeadline: '2099-07-30', reason: '再申请' },
      { token },
    );
    expect(duplicate.body.code).toBe('EXTENSION_PENDING');

    const extensionId = requested.body.extensionRequests[0].id;
    const byStaff = await app.post(
      `/api/v1/tasks/${task.id}/extensions/${extensionId}/decision`,
      { decision: 'approve' },
      { token },
    );
    expect(byStaff.status).toBe(403);
    const approved = await app.post(
      `/api/v1/tasks/${task.id}/extensions/${extensionId}/decision`,
      { decision: 'approve', comment: '同意' },
      { token: org.users.leader.token },
    );
    expect(approved.status).toBe(201);
    expect(approved.body.deadline).toBe('2099-06-30');
    expect(approved.body.extensionRequests[0]).toMatchObject({ status: 'approved', decisionComment: '同意' });
    const last = approved.body.history.at(-1);
    expect(last).toMatchObject({
      action: 'extension_approved',
      changes: { deadline: { from: '2099-01-31', to: '2099-06-30' } },
    });
    expect(last.note).toContain('需等待上级批复');
    const again = await app.post(
      `/api/v1/tasks/${task.id}/extensions/${extensionId}/decision`,
      { decision: 'refuse' },
      { token: org.users.leader.token },
    );
    expect(again.body.code).toBe('EXTENSION_DECIDED');
  });

  it('refuses an extension without touching the deadline', async () => {
    const task = await assignedTask();
    const requested = await app.post(
      `/api/v1/tasks/${task.id}/extensions`,
      { requestedDeadline: '2099-03-01', reason: '人手不足' },
      { token: org.users.leader.token },
    );
    const refused = await app.post(
      `/api/v1/tasks/${task.id}/extensions/${requested.body.extensionRequests[0].id}/decision`,
      { decision: 'refuse' },
      { token: org.users.leader.token },
    );
    expect(refused.body.deadline).toBe('2099-01-31');
    expect(refused.body.extensionRequests[0].status).toBe('refused');
  });

  it('stores evidence on disk with its sha256 and attaches it to an update', async () => {
    const task = await assignedTask();
    const content = Buffer.from('培训签到表 2025-03-01');
    const { body, headers } = multipart('签到表.txt', content);
    const uploaded = await app.post(`/api/v1/tasks/${task.id}/evidence`, body, {
      token: otherStaff.token,
      headers,
    });
    expect(uploaded.status).toBe(201);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(uploaded.body).toMatchObject({ sha256, sizeBytes: content.length });
    expect(existsSync(join(testRuntime().config.STORAGE_DIR, 'evidence', sha256.slice(0, 2), sha256))).toBe(
      true,
    );

    const foreign = multipart('x.txt', 'x');
    const byOtherUnit = await app.post(`/api/v1/tasks/${task.id}/evidence`, foreign.body, {
      token: org.users.staff.token,
      headers: foreign.headers,
    });
    expect(byOtherUnit.status).toBe(403);

    const update = await app.post(
      `/api/v1/tasks/${task.id}/updates`,
      { progress: 30, note: '附签到表', evidenceIds: [uploaded.body.id] },
      { token: otherStaff.token },
    );
    expect(update.status).toBe(201);
    expect(update.body.evidence[0]).toMatchObject({
      id: uploaded.body.id,
      updateId: update.body.updates[0].id,
    });
    // The detail's records carry their own columns: not the task's keys, not where the file is stored.
    const keysOf = (record: object) => Object.keys(record).sort();
    expect(keysOf(update.body.evidence[0])).toEqual([
      'createdAt',
      'fileName',
      'id',
      'sha256',
      'sizeBytes',
      'updateId',
    ]);
    expect(keysOf(update.body.updates[0])).toEqual([
      'authorId',
      'createdAt',
      'id',
      'note',
      'outcome',
      'progress',
      'statusFrom',
      'statusTo',
    ]);
    expect(keysOf(update.body.history[0])).toEqual([
      'action',
      'actorId',
      'changes',
      'createdAt',
      'id',
      'note',
    ]);
    const reused = await app.post(
      `/api/v1/tasks/${task.id}/updates`,
      { note: '重复关联', evidenceIds: [uploaded.body.id] },
      { token: otherStaff.token },
    );
    expect(reused.body.code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('keeps a long-term item (长期坚持) open: each accepted review makes it due again one interval later', async () => {
    const { body, headers } = multipart('r.txt', `${SAMPLE_REPORT}\n${Math.random()}`);
    const report = await app.post('/api/v1/reports', body, { token: org.users.admin.token, headers });
    const plan = report.body.items.find(
      (item: { kind: string; longTerm: boolean }) => item.kind === 'plan' && item.longTerm,
    );
    expect(plan).toBeDefined();
    const created = await app.post(
      `/api/v1/reports/${report.body.id}/tasks`,
      {
        items: [
          {
            itemId: plan.id,
            leaderId: org.users.leader.id,
            assigneeId: otherStaff.id,
            deadline: '2099-01-31',
            evidenceInterval: 'quarterly',
          },
        ],
      },
      { token: org.users.leader.token },
    );
    const task = created.body.tasks[0];
    expect(task).toMatchObject({ longTerm: true, itemTypeLabel: '长期坚持', statusLabel: '已交办' });
    await app.post(
      `/api/v1/tasks/${task.id}/updates`,
      { status: 'pending_review', note: '本季度以案释法3场', outcome: '以案释法3场' },
      { token: otherStaff.token },
    );
    const accepted = await app.post(
      `/api/v1/tasks/${task.id}/review`,
      { decision: 'approve' },
      { token: org.users.leader.token },
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      status: 'in_progress',
      statusLabel: '整改中',
      itemTypeLabel: '长期坚持',
      light: 'green',
    });
    expect(accepted.body.deadline).toBe(addMonths(todayIn('Asia/Shanghai'), 3));
    expect(accepted.body.history.at(-1)).toMatchObject({ action: 'evidence_accepted' });
  });
});
