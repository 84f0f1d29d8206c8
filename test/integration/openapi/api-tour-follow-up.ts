import { randomUUID } from 'node:crypto';
import { renderOfficialDocx } from '../../../src/documents/official-docx';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { multipart } from '../ledger/ledger-fixtures';
import type { ApiTour } from './api-tour';

/**
 * The routes of the follow-up work on an open task of 2025: the grouped ledger, evidence download and preview, the
 * inbox, 催办 and its answer, 年度结转, the leaders' group robots and a unit's robots. Every call is recorded by the
 * tour, successes and the errors an integrator has to handle (429, 404, 403, 400).
 */
export async function followUpTour(tour: ApiTour, org: OrgWithUsers): Promise<void> {
  const { admin, leader, staff, viewer } = org.users;
  const taskId = await Fixtures.of(tour.app).task(org.org.id, {
    deadline: '2025-12-31',
    planYear: 2025,
    leaderId: leader.id,
    unitId: staff.unitId,
    assigneeId: staff.id,
  });
  await ledger(tour, org);
  await evidence(tour, org, taskId);

  const id = { id: taskId };
  const urged = await tour.call('POST', '/api/v1/tasks/{id}/urge', id, {
    token: leader.token,
    body: { message: '请本周内报送整改进展' },
  });
  await tour.call('POST', '/api/v1/tasks/{id}/urge', id, { token: leader.token, body: {} });
  const history = urged.body.history as Array<{ id: string; action: string }>;
  const urgeId = history.filter((entry) => entry.action === 'urged').pop()!.id;
  await tour.call('GET', '/api/v1/me/inbox', {}, { token: staff.token });
  await tour.call('GET', '/api/v1/me/inbox', {}, { token: viewer.token });
  const reply = '/api/v1/tasks/{id}/urge/{urgeId}/reply';
  await tour.call(
    'POST',
    reply,
    { id: taskId, urgeId },
    { token: staff.token, body: { text: '已完成培训方案' } },
  );
  await tour.call(
    'POST',
    reply,
    { id: taskId, urgeId: '999999999' },
    { token: staff.token, body: { text: '答复' } },
  );

  const carryOver = (deadline: string) => ({
    token: leader.token,
    body: { reason: '涉及多部门协调，资金未到位', nextStep: '争取专项资金', deadline },
  });
  await tour.call('POST', '/api/v1/tasks/{id}/carry-over', id, carryOver('2030-06-30'));
  await tour.call('POST', '/api/v1/tasks/{id}/carry-over', id, carryOver('2026-06-30'));
  await tour.call(
    'GET',
    '/api/v1/reports/drafts/{year}/carry-over',
    { year: '2025' },
    { token: viewer.token },
  );
  await tour.call(
    'GET',
    '/api/v1/reports/drafts/{year}/carry-over',
    { year: '20x5' },
    { token: viewer.token },
  );
  await robots(tour, org);
  await tour.call('GET', '/api/v1/units', {}, { token: admin.token });
}

/** Finalize needs the draft the tour rebuilt; it stores the draft as a report (200) and refuses a viewer (403). */
export async function finalizeTour(tour: ApiTour, org: OrgWithUsers): Promise<void> {
  const year = { year: '2025' };
  await tour.call('POST', '/api/v1/reports/drafts/{year}/finalize', year, { token: org.users.leader.token });
  await tour.call('POST', '/api/v1/reports/drafts/{year}/finalize', year, { token: org.users.viewer.token });
}

async function ledger(tour: ApiTour, org: OrgWithUsers): Promise<void> {
  const token = org.users.viewer.token;
  await tour.call('GET', '/api/v1/tasks/ledger', {}, { token, query: '?year=2025&pageSize=5' });
  await tour.call('GET', '/api/v1/tasks/ledger', {}, { token, query: '?all=true' });
  await tour.call('GET', '/api/v1/tasks/ledger', {}, { token, query: '?year=abc' });
}

async function evidence(tour: ApiTour, org: OrgWithUsers, taskId: string): Promise<void> {
  const { staff, viewer } = org.users;
  const upload = async (fileName: string, content: Buffer | string) =>
    (
      await tour.call(
        'POST',
        '/api/v1/tasks/{id}/evidence',
        { id: taskId },
        {
          token: staff.token,
          ...multipart(fileName, content, 'application/octet-stream'),
        },
      )
    ).body.id as string;
  const docx = await renderOfficialDocx({
    title: '整改情况说明',
    blocks: [{ kind: 'body', text: '已组织执法人员培训三次。' }],
  });
  const docxId = await upload('整改情况说明.docx', docx);
  const textId = await upload('签到表.txt', '签到：张三、李四');
  const file = '/api/v1/tasks/{id}/evidence/{evidenceId}';
  const token = viewer.token;
  await tour.call('GET', file, { id: taskId, evidenceId: docxId }, { token, query: '?preview=1' });
  await tour.call('GET', file, { id: taskId, evidenceId: docxId }, { token });
  await tour.call('GET', file, { id: taskId, evidenceId: textId }, { token, query: '?preview=1' });
  await tour.call('GET', file, { id: taskId, evidenceId: randomUUID() }, { token });
}

async function robots(tour: ApiTour, org: OrgWithUsers): Promise<void> {
  const token = org.users.admin.token;
  const generic = (url: string) => ({ robots: [{ vendor: 'generic', url }] });
  await tour.call(
    'PATCH',
    '/api/v1/robots/leaders',
    {},
    { token, body: generic('http://127.0.0.1:1/leaders') },
  );
  await tour.call('PATCH', '/api/v1/robots/leaders', {}, { token, body: generic('ftp://example.com/hook') });
  await tour.call('GET', '/api/v1/robots/leaders', {}, { token });
  await tour.call('GET', '/api/v1/robots/leaders', {}, { token: org.users.viewer.token });
  const unitId = org.units[Object.keys(org.units)[0]].id;
  await tour.call(
    'PATCH',
    '/api/v1/units/{id}',
    { id: unitId },
    { token, body: generic('http://127.0.0.1:1/unit') },
  );
}
