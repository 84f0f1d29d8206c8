import { randomUUID } from 'node:crypto';
import * as mammoth from 'mammoth';
import { createOrgWithUsers, Fixtures, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { sampleReportText } from './rollup-fixtures';

function multipart(fileName: string, content: string): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----rollup${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`;
  return {
    body: Buffer.from(`${head}${content}\r\n--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface Paragraph {
  id: string;
  style: string;
  text: string;
  edited?: boolean;
  generatedText?: string;
}

describe('draft report API: GET /reports/drafts/:year(.docx|.md), edits, rebuild, completeness', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let reportId: string;
  let plans: { id: string; title: string }[];
  const outcomes = ['全年组织专题学习12次，覆盖全体机关干部。', '开展普法宣传活动30场，发放资料5000份。'];

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    org = await createOrgWithUsers(app);
    const leader = org.users.leader;
    const { body, headers } = multipart('001.txt', sampleReportText());
    const uploaded = await app.post('/api/v1/reports', body, { token: leader.token, headers });
    expect(uploaded.status).toBe(201);
    reportId = uploaded.body.id;
    const planItems = uploaded.body.items.filter((item: { kind: string }) => item.kind === 'plan');
    const confirmed = await app.post(
      `/api/v1/reports/${reportId}/tasks`,
      {
        items: planItems.map((item: { id: string }) => ({
          itemId: item.id,
          leaderId: leader.id,
          unitId: org.users.staff.unitId,
          deadline: '2099-12-31',
        })),
      },
      { token: leader.token },
    );
    expect(confirmed.status).toBe(201);
    plans = confirmed.body.tasks;
    // The plans were confirmed in January 2025 and done that June; the API stamps today, so move them back.
    for (const task of plans)
      await Fixtures.of(app).backdate(task.id, { createdAt: '2025-01-10T09:00:00+08:00' });
    for (const [index, outcome] of outcomes.entries()) {
      const update = {
        status: 'pending_review',
        progress: 100,
        note: '申请销号',
        outcome,
        completedOn: '2025-06-30',
      };
      expect(
        (await app.post(`/api/v1/tasks/${plans[index].id}/updates`, update, { token: org.users.staff.token }))
          .status,
      ).toBe(201);
      expect(
        (
          await app.post(
            `/api/v1/tasks/${plans[index].id}/review`,
            { decision: 'approve' },
            { token: leader.token },
          )
        ).status,
      ).toBe(201);
      await Fixtures.of(app).backdate(plans[index].id, { completedAt: '2025-07-02T10:00:00+08:00' });
    }
    await app.post(
      `/api/v1/tasks/${plans[2].id}/updates`,
      { progress: 30, note: '已完成初稿' },
      { token: org.users.staff.token },
    );
  }, 60_000);

  afterAll(() => app?.close());

  const paragraphOf = (body: { sections: { key: string; paragraphs: Paragraph[] }[] }, taskId: string) =>
    body.sections
      .flatMap((s) => s.paragraphs)
      .find(
        (p) =>
          p.id !== 'achievements:overview' &&
          (p as { sourceTaskIds?: string[] }).sourceTaskIds?.includes(taskId),
      );

  it('answers the 2025 draft with the outcomes, the counts and the unfinished plans carried into 2026', async () => {
    const response = await app.get('/api/v1/reports/drafts/2025', { token: org.users.viewer.token });
    expect(response.status).toBe(200);
    for (const [index, outcome] of outcomes.entries())
      expect(paragraphOf(response.body, plans[index].id)!.text).toContain(outcome);
    const carried = response.body.sections
      .find((s: { key: string }) => s.key === 'plans')
      .paragraphs.map((p: Paragraph) => p.id);
    expect(carried).toEqual(expect.arrayContaining(plans.slice(2).map((task) => `plans:${task.id}`)));
    expect(response.body.counts).toMatchObject({ planned: plans.length, completed: 2, overdue: 0 });
    expect(response.body.sources.map((s: { taskId: string }) => s.taskId).sort()).toEqual(
      plans.map((t) => t.id).sort(),
    );
    expect(JSON.stringify(response.body)).not.toContain('已完成初稿');
  });

  it('rebuilds to identical content', async () => {
    const first = await app.post('/api/v1/reports/drafts/2025/rebuild', undefined, {
      token: org.users.leader.token,
    });
    const second = await app.post('/api/v1/reports/drafts/2025/rebuild', undefined, {
      token: org.users.leader.token,
    });
    expect(first.status).toBe(200);
    expect({ ...second.body, builtAt: null }).toEqual({ ...first.body, builtAt: null });
  });

  it('keeps an office edit through rebuilds, marked, and only managers may edit', async () => {
    const current = await app.get('/api/v1/reports/drafts/2025', { token: org.users.viewer.token });
    const target = paragraphOf(current.body, plans[0].id)!;
    const paragraphId = encodeURIComponent(target.id);
    const byViewer = await app.request('PUT', `/api/v1/reports/drafts/2025/paragraphs/${paragraphId}`, {
      token: org.users.viewer.token,
      body: { text: '改' },
    });
    expect(byViewer.status).toBe(403);
    const edited = await app.request('PUT', `/api/v1/reports/drafts/2025/paragraphs/${paragraphId}`, {
      token: org.users.leader.token,
      body: { text: '镇党委书记带头讲法治课。' },
    });
    expect(edited.status).toBe(200);
    const rebuilt = await app.post('/api/v1/reports/drafts/2025/rebuild', undefined, {
      token: org.users.leader.token,
    });
    const all = rebuilt.body.sections.flatMap((s: { paragraphs: Paragraph[] }) => s.paragraphs);
    expect(all.find((p: Paragraph) => p.id === target.id)).toMatchObject({
      text: '镇党委书记带头讲法治课。',
      edited: true,
      generatedText: target.text,
    });
    const unknown = await app.request('PUT', '/api/v1/reports/drafts/2025/paragraphs/nope', {
      token: org.users.leader.token,
      body: { text: '改' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('DRAFT_PARAGRAPH_NOT_FOUND');
  });

  it('serves a Word file in the official layout that opens and carries the headings', async () => {
    const response = await app.get('/api/v1/reports/drafts/2025.docx', { token: org.users.viewer.token });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(String(response.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('2025年法治政府建设情况报告（草稿）.docx')}`,
    );
    const { value } = await mammoth.extractRawText({ buffer: response.raw });
    for (const heading of [
      '一、2025年度推进法治政府建设的主要举措和成效',
      '二、2025年度推进法治政府建设存在的不足和原因',
      '三、2025年度党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2026年度推进法治政府建设的主要安排',
      '五、其他需要报告的情况',
    ]) {
      expect(value).toContain(heading);
    }
    expect(value).toContain(outcomes[1]);
  });

  it('serves Markdown', async () => {
    const response = await app.get('/api/v1/reports/drafts/2025.md', { token: org.users.viewer.token });
    expect(response.status).toBe(200);
    expect(response.body).toContain('## 一、2025年度推进法治政府建设的主要举措和成效');
    expect(response.body).toContain(outcomes[1]);
  });

  it('rejects a malformed year with a Chinese message', async () => {
    const response = await app.get('/api/v1/reports/drafts/20x5', { token: org.users.viewer.token });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'INVALID_DRAFT_YEAR' });
  });

  it('checks the imported report for the five required parts, and hides it from other organizations', async () => {
    const response = await app.get(`/api/v1/reports/${reportId}/completeness`, {
      token: org.users.viewer.token,
    });
    expect(response.status).toBe(200);
    expect(response.body.parts.find((p: { key: string }) => p.key === 'leadership')).toMatchObject({
      present: true,
      empty: false,
    });
    expect(response.body.missing).toContain('其他需要报告的情况');
    const other = await createOrgWithUsers(app);
    expect(
      (await app.get(`/api/v1/reports/${reportId}/completeness`, { token: other.users.admin.token })).status,
    ).toBe(404);
    const foreignDraft = await app.get('/api/v1/reports/drafts/2025', { token: other.users.admin.token });
    expect(foreignDraft.body.counts.planned).toBe(0);
  });
});
