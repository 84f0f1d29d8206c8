import { randomUUID } from 'node:crypto';
import { UserDirectoryRepository } from '../../../src/identity/user-directory.repository';
import { EventNotifications } from '../../../src/notifications/event-notifications';
import { NotificationsService } from '../../../src/notifications/notifications.service';
import { EventListenerRegistry } from '../../../src/outbox/event-listeners';
import { OutboxRepository } from '../../../src/outbox/outbox.repository';
import { RobotsService } from '../../../src/robots/robots.service';
import { TaskRepository } from '../../../src/tasks/task.repository';
import { callerOf } from '../robots/robot-fixtures';
import { FIXTURE_PASSWORD, Fixtures, OrgWithUsers } from '../../support/fixtures';
import type { TestApp, InjectOptions } from '../../support/test-app';
import { multipart, SAMPLE_REPORT } from '../ledger/ledger-fixtures';
import { countyTour } from './api-tour-county';
import { finalizeTour, followUpTour } from './api-tour-follow-up';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One real answer, under the document's name for its operation: `get /api/v1/tasks/{id}`. */
export interface RecordedAnswer {
  operation: string;
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * Drives the JSON routes the way a client does (upload a report, confirm its items, report progress, review, the
 * 工作纪实, the draft, notifications, accounts, the errors) and records every answer, for the contract tests to hold
 * against the OpenAPI document.
 */
export class ApiTour {
  readonly answers: RecordedAnswer[] = [];

  constructor(readonly app: TestApp) {}

  async call<T = any>(
    method: Method,
    template: string,
    params: Record<string, string> = {},
    options: InjectOptions & { query?: string } = {},
  ): Promise<{ status: number; body: T }> {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
    const response = await this.app.request<T>(method, `${path}${options.query ?? ''}`, options);
    this.answers.push({
      operation: `${method.toLowerCase()} ${template}`,
      status: response.status,
      contentType: String(response.headers['content-type'] ?? ''),
      body: response.body,
    });
    return response;
  }

  async run(): Promise<void> {
    const fixtures = Fixtures.of(this.app);
    const org = await fixtures.organization();
    const { admin, leader, staff, viewer } = org.users;
    await this.identity(org);

    const upload = multipart('报告.txt', `${SAMPLE_REPORT}\n${randomUUID()}`);
    const report = await this.call('POST', '/api/v1/reports', {}, { token: admin.token, ...upload });
    const reportId = report.body.id as string;
    await this.call('GET', '/api/v1/reports', {}, { token: viewer.token });
    await this.call('GET', '/api/v1/reports/{id}', { id: reportId }, { token: viewer.token });
    await this.call('GET', '/api/v1/reports/{id}/completeness', { id: reportId }, { token: viewer.token });
    const items = report.body.items as Array<{ id: string; kind: string }>;
    const confirmed = await this.call(
      'POST',
      '/api/v1/reports/{id}/tasks',
      { id: reportId },
      {
        token: leader.token,
        body: {
          items: items.map((item) => ({
            itemId: item.id,
            leaderId: leader.id,
            assigneeId: staff.id,
            unitId: staff.unitId,
            deadline: '2099-12-31',
          })),
        },
      },
    );
    const [task, other] = confirmed.body.tasks as Array<{ id: string; version: number }>;
    await this.tasks(org, task.id, other.id);
    await followUpTour(this, org);

    await this.call('GET', '/api/v1/tasks', {}, { token: viewer.token, query: '?pageSize=5' });
    await this.call('GET', '/api/v1/tasks/stats', {}, { token: viewer.token });
    await this.worklog(org, task.id);
    await this.drafts(org);
    await finalizeTour(this, org);
    await this.notifications(org);
    await this.call(
      'POST',
      '/api/v1/admin/reminders/sweep',
      {},
      { token: admin.token, query: '?asOf=2099-12-30' },
    );
    await this.call('GET', '/api/v1/reports/{id}/text', { id: reportId }, { token: viewer.token });
    await this.call('GET', '/api/v1/tasks/export.xlsx', {}, { token: viewer.token });
    await this.robots(org);
    await countyTour(this);
    await this.sessions(org);
    await this.call('GET', '/api/v1/meta');
    await this.call('GET', '/health');
  }

  private async identity(org: OrgWithUsers): Promise<void> {
    const { admin, viewer } = org.users;
    const login = await this.call(
      'POST',
      '/api/v1/auth/login',
      {},
      { body: { username: viewer.username, password: FIXTURE_PASSWORD } },
    );
    await this.call(
      'POST',
      '/api/v1/auth/login',
      {},
      { body: { username: viewer.username, password: 'wrong-password' } },
    );
    await this.call('POST', '/api/v1/auth/refresh', {}, { body: { refreshToken: login.body.refreshToken } });
    await this.call('GET', '/api/v1/auth/me', {}, { token: viewer.token });
    await this.call('GET', '/api/v1/auth/me');
    await this.call('GET', '/api/v1/directory', {}, { token: viewer.token });
    await this.call('GET', '/api/v1/organizations', {}, { token: admin.token });
    await this.call('GET', '/api/v1/organizations/current/settings', {}, { token: viewer.token });
    await this.call(
      'PATCH',
      '/api/v1/organizations/current/settings',
      {},
      { token: admin.token, body: { reportAddressee: '县委全面依法治县委员会办公室' } },
    );
    const suffix = randomUUID().slice(0, 8);
    await this.call(
      'POST',
      '/api/v1/organizations',
      {},
      {
        token: admin.token,
        body: {
          name: `下级村委会-${suffix}`,
          admin: { username: `child-${suffix}`, password: 'Zx9#kLm2$Qw7pR', displayName: '村管理员' },
        },
      },
    );
    const unit = await this.call(
      'POST',
      '/api/v1/units',
      {},
      { token: admin.token, body: { name: `信访办-${suffix}` } },
    );
    await this.call('GET', '/api/v1/units', {}, { token: viewer.token });
    await this.call(
      'PATCH',
      '/api/v1/units/{id}',
      { id: unit.body.id },
      { token: admin.token, body: { keywords: ['信访'] } },
    );
    await this.call('DELETE', '/api/v1/units/{id}', { id: unit.body.id }, { token: admin.token });
    const user = await this.call(
      'POST',
      '/api/v1/users',
      {},
      {
        token: admin.token,
        body: { username: `u-${suffix}`, password: 'Zx9#kLm2$Qw7pR', displayName: '新同事', role: 'staff' },
      },
    );
    await this.call('POST', '/api/v1/users', {}, { token: admin.token, body: { username: 'x' } });
    await this.call('GET', '/api/v1/users', {}, { token: admin.token });
    await this.call('GET', '/api/v1/users/{id}', { id: user.body.id }, { token: admin.token });
    await this.call('GET', '/api/v1/users/{id}', { id: randomUUID() }, { token: admin.token });
    await this.call(
      'PATCH',
      '/api/v1/users/{id}',
      { id: user.body.id },
      { token: admin.token, body: { phone: '13800138000' } },
    );
    await this.call('DELETE', '/api/v1/users/{id}', { id: user.body.id }, { token: viewer.token });
    await this.call('DELETE', '/api/v1/users/{id}', { id: user.body.id }, { token: admin.token });
  }

  private async tasks(org: OrgWithUsers, taskId: string, otherId: string): Promise<void> {
    const { leader, staff, viewer } = org.users;
    const id = { id: taskId };
    const detail = await this.call('GET', '/api/v1/tasks/{id}', id, { token: viewer.token });
    await this.call('GET', '/api/v1/tasks/{id}', { id: 'not-a-uuid' }, { token: viewer.token });
    await this.call('PATCH', '/api/v1/tasks/{id}', id, {
      token: leader.token,
      body: { version: detail.body.version, title: '加强执法队伍培训（修订）' },
    });
    await this.call('PATCH', '/api/v1/tasks/{id}', id, {
      token: leader.token,
      body: { version: 1, title: '旧版本' },
    });
    const evidence = await this.call('POST', '/api/v1/tasks/{id}/evidence', id, {
      token: staff.token,
      ...multipart('培训签到表.txt', '签到：张三、李四'),
    });
    await this.call('POST', '/api/v1/tasks/{id}/updates', id, {
      token: staff.token,
      body: {
        status: 'pending_review',
        progress: 100,
        note: '已完成两期培训',
        outcome: '培训执法人员 36 人次',
        evidenceIds: [evidence.body.id],
      },
    });
    await this.call('POST', '/api/v1/tasks/{id}/review', id, {
      token: leader.token,
      body: { decision: 'approve' },
    });
    await this.call('POST', '/api/v1/tasks/{id}/cancel', id, {
      token: leader.token,
      body: { reason: '重复' },
    });
    const other = { id: otherId };
    const extension = await this.call('POST', '/api/v1/tasks/{id}/extensions', other, {
      token: staff.token,
      body: { requestedDeadline: '2100-06-30', reason: '需等待上级批复' },
    });
    const extensionId = (extension.body.extensionRequests as Array<{ id: string }>)[0].id;
    await this.call(
      'POST',
      '/api/v1/tasks/{id}/extensions/{extensionId}/decision',
      { id: otherId, extensionId },
      { token: leader.token, body: { decision: 'approve' } },
    );
    await this.call('POST', '/api/v1/tasks/{id}/cancel', other, {
      token: leader.token,
      body: { reason: '并入其他任务' },
    });
  }

  private async worklog(org: OrgWithUsers, taskId: string): Promise<void> {
    const { leader, staff, viewer } = org.users;
    const categories = await this.call('GET', '/api/v1/worklog/categories', {}, { token: viewer.token });
    const category = (categories.body as Array<{ key: string }>)[0].key;
    const added = await this.call(
      'POST',
      '/api/v1/worklog/categories',
      {},
      { token: org.users.admin.token, body: { label: `营商环境-${randomUUID().slice(0, 6)}` } },
    );
    await this.call(
      'PATCH',
      '/api/v1/worklog/categories/{key}',
      { key: added.body.key },
      { token: org.users.admin.token, body: { active: false } },
    );
    const entry = await this.call(
      'POST',
      '/api/v1/worklog',
      {},
      {
        token: staff.token,
        body: { date: '2025-03-15', category, text: '开展法治讲座12场，覆盖群众1500余人', taskId },
      },
    );
    await this.call(
      'POST',
      '/api/v1/worklog',
      {},
      { token: staff.token, body: { date: '2999-01-01', category, text: '未来' } },
    );
    const id = { id: entry.body.id };
    await this.call('GET', '/api/v1/worklog', {}, { token: viewer.token, query: '?year=2025' });
    await this.call('PATCH', '/api/v1/worklog/{id}', id, { token: leader.token, body: { inReport: true } });
    const file = await this.call('POST', '/api/v1/worklog/{id}/evidence', id, {
      token: staff.token,
      ...multipart('讲座照片.txt', '照片'),
    });
    await this.call(
      'GET',
      '/api/v1/worklog/{id}/evidence/{fileId}',
      { id: entry.body.id, fileId: file.body.id },
      { token: viewer.token },
    );
    await this.call('GET', '/api/v1/worklog/{id}', id, { token: viewer.token });
    await this.call('DELETE', '/api/v1/worklog/{id}', id, { token: staff.token });
  }

  private async drafts(org: OrgWithUsers): Promise<void> {
    const { leader, viewer } = org.users;
    const year = { year: '2025' };
    await this.call('POST', '/api/v1/reports/drafts/{year}/rebuild', year, { token: leader.token });
    const draft = await this.call(
      'GET',
      '/api/v1/reports/drafts/{file}',
      { file: '2025' },
      { token: viewer.token },
    );
    await this.call('GET', '/api/v1/reports/drafts/{file}', { file: '20x5' }, { token: viewer.token });
    const sections = draft.body.sections as Array<{ key: string; paragraphs: Array<{ id: string }> }>;
    const section = sections.find((candidate) => candidate.paragraphs.length > 0)!;
    const paragraphId = section.paragraphs[section.paragraphs.length - 1].id;
    const paragraph = { ...year, paragraphId };
    await this.call('PUT', '/api/v1/reports/drafts/{year}/paragraphs/{paragraphId}', paragraph, {
      token: leader.token,
      body: { text: '人工修改的段落' },
    });
    await this.call('PATCH', '/api/v1/reports/drafts/{year}/paragraphs/{paragraphId}', paragraph, {
      token: leader.token,
      body: { removed: true },
    });
    await this.call('DELETE', '/api/v1/reports/drafts/{year}/paragraphs/{paragraphId}', paragraph, {
      token: leader.token,
    });
    await this.call('POST', '/api/v1/reports/drafts/{year}/paragraphs', year, {
      token: leader.token,
      body: { sectionKey: section.key, afterId: null, text: '新增的一段', style: 'body' },
    });
  }

  /** A robot whose address answers nothing: the test message is still a 200 with ok=false and the reason. */
  private async robots(org: OrgWithUsers): Promise<void> {
    const unitId = org.units[Object.keys(org.units)[0]].id;
    const [robot] = await this.app.app
      .get(RobotsService)
      .setRobots(callerOf(org), unitId, [{ vendor: 'generic', url: 'http://127.0.0.1:1/hook' }]);
    await this.call('POST', '/api/v1/robots/{id}/test', { id: robot.id }, { token: org.users.admin.token });
    await this.call('POST', '/api/v1/robots/{id}/test', { id: robot.id }, { token: org.users.viewer.token });
  }

  /** Last, since they end sessions: the dashboard cookie, a password change, a logout. */
  private async sessions(org: OrgWithUsers): Promise<void> {
    await this.call('POST', '/api/v1/auth/dashboard-session', {}, { token: org.users.admin.token });
    await this.call('POST', '/api/v1/auth/dashboard-session', {}, { token: org.users.viewer.token });
    const login = await this.call(
      'POST',
      '/api/v1/auth/login',
      {},
      { body: { username: org.users.leader.username, password: FIXTURE_PASSWORD } },
    );
    const changed = await this.call(
      'POST',
      '/api/v1/auth/password',
      {},
      {
        token: login.body.accessToken,
        body: { currentPassword: FIXTURE_PASSWORD, newPassword: 'Qz7!vLp3#Wm8sK' },
      },
    );
    await this.call('POST', '/api/v1/auth/logout', {}, { token: changed.body.accessToken });
  }

  private async notifications(org: OrgWithUsers): Promise<void> {
    await this.noticeTheFollowUp(org);
    const token = org.users.staff.token;
    const list = await this.call('GET', '/api/v1/notifications', {}, { token });
    const first = (list.body.items as Array<{ id: string }>)[0];
    await this.call('POST', '/api/v1/notifications/{id}/read', { id: first?.id ?? randomUUID() }, { token });
    await this.call('POST', '/api/v1/notifications/read-all', {}, { token });
  }

  /**
   * The follow-up's 催办 reach the staff member through the worker's notice code (the API process the tour drives
   * runs no event listeners), so the list answers real notices, with their `data`, for the contract to hold.
   */
  private async noticeTheFollowUp(org: OrgWithUsers): Promise<void> {
    const { app } = this.app;
    const outbox = app.get(OutboxRepository);
    const listeners = new EventListenerRegistry();
    new EventNotifications(
      listeners,
      app.get(TaskRepository),
      app.get(UserDirectoryRepository),
      app.get(NotificationsService),
    );
    await outbox.transaction(async (manager) => {
      for (const event of await outbox.lockUnpublished(manager, 10_000))
        if (event.organizationId === org.org.id && event.type === 'task.urged')
          await listeners.dispatch(event);
    });
  }
}
