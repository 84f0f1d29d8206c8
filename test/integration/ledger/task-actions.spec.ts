import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TASK_ACTIONS, TaskAction } from '../../../src/tasks/task-actions';
import { TestApp, testRuntime } from '../../support/test-app';
import { FixtureUser, Fixtures } from '../../support/fixtures';
import { LEDGER_UNITS, multipart } from './ledger-fixtures';

/** The ledger's shape of a test organization: unit ids by name, and a second staff user in the other unit. */
interface LedgerOrg {
  orgId: string;
  units: Record<string, string>;
  users: Record<'admin' | 'leader' | 'staff' | 'otherStaff' | 'viewer', FixtureUser>;
}

async function ledgerOrg(app: TestApp, name?: string): Promise<LedgerOrg> {
  const fixtures = Fixtures.of(app);
  const { org, units, users } = await fixtures.organization({ name, units: LEDGER_UNITS });
  const otherStaff = await fixtures.user(org.id, 'staff', { unitId: units[LEDGER_UNITS[1]].id });
  const unitIds = Object.fromEntries(Object.entries(units).map(([unitName, unit]) => [unitName, unit.id]));
  return { orgId: org.id, units: unitIds, users: { ...users, otherStaff } };
}

interface State {
  name: string;
  status: string;
  extensionPending?: boolean;
}

const STATES: State[] = [
  { name: '待交办', status: 'new' },
  { name: '已交办', status: 'assigned' },
  { name: '整改中', status: 'in_progress' },
  { name: '整改中，延期待批', status: 'in_progress', extensionPending: true },
  { name: '待核验', status: 'pending_review' },
  { name: '待核验，延期待批', status: 'pending_review', extensionPending: true },
  { name: '已销号', status: 'completed' },
  { name: '已销号，延期待批', status: 'completed', extensionPending: true },
  { name: '已撤销', status: 'cancelled' },
];

describe('allowedActions of GET /tasks/:id match what the API accepts', () => {
  let app: TestApp;
  let db: DataSource;
  let org: LedgerOrg;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    db = app.app.get(DataSource);
    org = await ledgerOrg(app);
  });
  afterAll(() => app.close());

  /** A task of the 综合行政执法队 (the staff user's unit) in the given state, written straight to the database. */
  async function taskIn(state: State): Promise<{ id: string; version: number; extensionId: string }> {
    const [task] = await db.query(
      `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, leader_id, unit_id, deadline, status, progress, assigned_at)
       VALUES ($1, 'rectification', 'measure', '规范行政执法案卷', '规范行政执法案卷。', $2, $3, '2099-06-30', $4::varchar, 30,
               CASE WHEN $4::varchar <> 'new' THEN now() END) RETURNING id, version`,
      [
        org.orgId,
        state.status === 'new' ? null : org.users.leader.id,
        org.units['综合行政执法队'],
        state.status,
      ],
    );
    let extensionId = randomUUID();
    if (state.extensionPending) {
      const [extension] = await db.query(
        `INSERT INTO extension_requests (task_id, organization_id, requested_by, current_deadline, requested_deadline, reason)
         VALUES ($1, $2, $3, '2099-06-30', '2099-09-30', '需等待上级批复') RETURNING id`,
        [task.id, org.orgId, org.users.staff.id],
      );
      extensionId = extension.id;
    }
    return { id: task.id, version: task.version, extensionId };
  }

  /** Performs one action as the request the client sends for it; the HTTP status comes back. */
  async function perform(action: TaskAction, state: State, user: FixtureUser): Promise<number> {
    const task = await taskIn(state);
    const token = user.token;
    const url = `/api/v1/tasks/${task.id}`;
    const patch = (body: object) => app.patch(url, { version: task.version, ...body }, { token });
    const requests: Record<TaskAction, () => Promise<{ status: number }>> = {
      update: () => app.post(`${url}/updates`, { progress: 50, note: '已完成案卷评查' }, { token }),
      submit_for_review: () =>
        app.post(
          `${url}/updates`,
          { status: 'pending_review', progress: 100, note: '已整改完毕', outcome: '案卷合格率达到100%' },
          { token },
        ),
      upload_evidence: () => {
        const { body, headers } = multipart('评查表.txt', '案卷评查表');
        return app.post(`${url}/evidence`, body, { token, headers });
      },
      request_extension: () =>
        app.post(
          `${url}/extensions`,
          { requestedDeadline: '2099-12-31', reason: '需等待上级批复' },
          { token },
        ),
      review: () => app.post(`${url}/review`, { decision: 'approve', comment: '核验属实' }, { token }),
      decide_extension: () =>
        app.post(`${url}/extensions/${task.extensionId}/decision`, { decision: 'approve' }, { token }),
      edit: () => patch({ title: '规范行政执法案卷管理' }),
      reassign: () => patch({ unitId: org.units['党政综合办公室'], assigneeId: org.users.otherStaff.id }),
      change_deadline: () => patch({ deadline: '2099-08-31' }),
      cancel: () => app.post(`${url}/cancel`, { reason: '任务重复' }, { token }),
      urge: () => app.post(`${url}/urge`, { message: '请抓紧办理' }, { token }),
    };
    return (await requests[action]()).status;
  }

  async function listed(state: State, user: FixtureUser): Promise<string[]> {
    const task = await taskIn(state);
    const response = await app.get(`/api/v1/tasks/${task.id}`, { token: user.token });
    expect(response.status).toBe(200);
    return response.body.allowedActions;
  }

  const users: Array<[string, (org: LedgerOrg) => FixtureUser]> = [
    ['staff of the task’s unit', (o) => o.users.staff],
    ['staff of another unit', (o) => o.users.otherStaff],
    ['a viewer', (o) => o.users.viewer],
    ['a leader', (o) => o.users.leader],
  ];

  it.each(users)(
    'lets %s do exactly the listed actions, in every state',
    async (_who, userOf) => {
      const user = userOf(org);
      for (const state of STATES) {
        const allowed = await listed(state, user);
        const accepted: string[] = [];
        for (const action of TASK_ACTIONS) {
          const status = await perform(action, state, user);
          // Refusals are 403 (role or unit), 404 (no such pending request) or 409 (state); never a server error.
          expect([200, 201, 403, 404, 409]).toContain(status);
          if (status < 300) accepted.push(action);
        }
        expect({ state: state.name, actions: accepted }).toEqual({ state: state.name, actions: allowed });
      }
    },
    120_000,
  );

  it('lists something to do for those who work the task, and nothing for the others', async () => {
    const inProgress = STATES[2];
    expect(await listed(inProgress, org.users.staff)).toEqual([
      'update',
      'submit_for_review',
      'upload_evidence',
      'request_extension',
    ]);
    expect(await listed(inProgress, org.users.leader)).toContain('cancel');
    expect(await listed(inProgress, org.users.otherStaff)).toEqual([]);
    expect(await listed(inProgress, org.users.viewer)).toEqual([]);
  });

  it('refuses to change a closed task (409 TASK_CLOSED), so its record stays as it was closed', async () => {
    const task = await taskIn({ name: '已销号', status: 'completed' });
    const moved = await app.patch(
      `/api/v1/tasks/${task.id}`,
      { version: task.version, deadline: '2099-12-31' },
      { token: org.users.leader.token },
    );
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({ code: 'TASK_CLOSED', message: expect.stringMatching(/已办结/) });
    const [row] = await db.query(`SELECT deadline::text AS deadline FROM tasks WHERE id = $1`, [task.id]);
    expect(row.deadline).toBe('2099-06-30');
  });
});
