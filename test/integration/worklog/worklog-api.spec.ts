import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';

function multipart(fileName: string, content: Buffer) {
  const boundary = `----worklog${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('工作纪实 API: /worklog and /worklog/categories', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let other: OrgWithUsers;
  const entry = (overrides: Record<string, unknown> = {}) => ({
    date: '2025-03-15',
    category: 'publicity',
    text: '开展法治讲座12场，覆盖群众1500余人',
    ...overrides,
  });

  beforeAll(async () => {
    app = await TestApp.start();
    org = await createOrgWithUsers(app);
    other = await createOrgWithUsers(app);
  });
  afterAll(() => app?.close());

  const post = (who: keyof OrgWithUsers['users'], body: unknown, fixture = org) =>
    app.post('/api/v1/worklog', body, { token: fixture.users[who].token });

  describe('categories', () => {
    it('lists the configured categories with stable keys, the 第一责任人 one marked for the leadership part', async () => {
      const response = await app.get('/api/v1/worklog/categories', { token: org.users.viewer.token });
      expect(response.status).toBe(200);
      expect(response.body.map((c: { label: string }) => c.label)).toEqual([
        '依法全面履行政府职能',
        '完善依法行政制度体系',
        '重大行政决策',
        '严格规范公正文明执法',
        '矛盾纠纷预防化解',
        '行政权力制约监督',
        '法治宣传教育',
        '党政主要负责人履行第一责任人职责',
        '其他',
      ]);
      expect(response.body.find((c: { part: string }) => c.part === 'leadership')).toMatchObject({
        key: 'leadership',
        label: '党政主要负责人履行第一责任人职责',
      });
    });

    it('lets an admin rename, add and deactivate categories for the own organization only', async () => {
      const fixture = await createOrgWithUsers(app);
      const token = fixture.users.admin.token;
      const renamed = await app.patch(
        '/api/v1/worklog/categories/publicity',
        { label: '普法宣传' },
        { token },
      );
      expect(renamed.status).toBe(200);
      const added = await app.post('/api/v1/worklog/categories', { label: '优化法治化营商环境' }, { token });
      expect(added.status).toBe(201);
      expect(added.body.key).toMatch(/^custom-/);
      expect(
        (await app.patch('/api/v1/worklog/categories/decisions', { active: false }, { token })).status,
      ).toBe(200);
      const own = await app.get('/api/v1/worklog/categories', { token: fixture.users.staff.token });
      const labels = own.body.map((c: { label: string }) => c.label);
      expect(labels).toContain('普法宣传');
      expect(labels).not.toContain('重大行政决策');
      // A custom category reports under 主要举措和成效: it comes before the 第一责任人 and 其他 categories.
      expect(labels.slice(-3)).toEqual(['优化法治化营商环境', '党政主要负责人履行第一责任人职责', '其他']);
      const all = await app.get('/api/v1/worklog/categories?includeInactive=true', { token });
      expect(all.body.find((c: { key: string }) => c.key === 'decisions')).toMatchObject({ active: false });
      const refused = await post('staff', entry({ category: 'decisions' }), fixture);
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'WORKLOG_CATEGORY_UNKNOWN' });
      const untouched = await app.get('/api/v1/worklog/categories', { token: org.users.admin.token });
      expect(untouched.body.map((c: { label: string }) => c.label)).toContain('法治宣传教育');
    });

    it('refuses to deactivate a category a required part of the report depends on, duplicates, and non-admins', async () => {
      const token = org.users.admin.token;
      const leadership = await app.patch(
        '/api/v1/worklog/categories/leadership',
        { active: false },
        { token },
      );
      expect(leadership.body).toMatchObject({ statusCode: 400, code: 'WORKLOG_CATEGORY_REQUIRED' });
      expect(leadership.body.message).toMatch(/不能停用/);
      const duplicate = await app.post('/api/v1/worklog/categories', { label: '重大行政决策' }, { token });
      expect(duplicate.body).toMatchObject({ statusCode: 409, code: 'WORKLOG_CATEGORY_LABEL_TAKEN' });
      const byLeader = await app.post(
        '/api/v1/worklog/categories',
        { label: '新类别' },
        { token: org.users.leader.token },
      );
      expect(byLeader.status).toBe(403);
      const unknown = await app.patch('/api/v1/worklog/categories/nope', { label: 'x' }, { token });
      expect(unknown.status).toBe(404);
    });
  });

  describe('entries', () => {
    it('records an entry of the staff member’s own unit by default and reads it back', async () => {
      const created = await post('staff', entry());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        date: '2025-03-15',
        category: 'publicity',
        categoryLabel: '法治宣传教育',
        kind: 'work',
        text: '开展法治讲座12场，覆盖群众1500余人',
        unitId: org.users.staff.unitId,
        authorId: org.users.staff.id,
        inReport: false,
        files: [],
      });
      const read = await app.get(`/api/v1/worklog/${created.body.id}`, { token: org.users.viewer.token });
      expect(read.body).toEqual(created.body);
    });

    it('lets staff record only for their own unit, and viewers not at all', async () => {
      const elsewhere = await post('staff', entry({ unitId: org.units['党政办'].id }));
      expect(elsewhere.body).toMatchObject({ statusCode: 403, message: '只能记录和修改本单位的工作纪实' });
      expect((await post('viewer', entry())).status).toBe(403);
      const byLeader = await post('leader', entry({ unitId: org.units['党政办'].id }));
      expect(byLeader.status).toBe(201);
      expect(byLeader.body.unitId).toBe(org.units['党政办'].id);
    });

    it('validates with stable codes and Chinese messages', async () => {
      const cases: [Record<string, unknown>, number, string][] = [
        [entry({ date: '2999-01-01' }), 400, 'WORKLOG_DATE_IN_FUTURE'],
        [entry({ date: '2025-3-5' }), 400, 'VALIDATION_FAILED'],
        [entry({ category: 'nope' }), 400, 'WORKLOG_CATEGORY_UNKNOWN'],
        [entry({ text: '   ' }), 400, 'WORKLOG_TEXT_EMPTY'],
        [entry({ cause: '人手不足' }), 400, 'WORKLOG_CAUSE_FOR_PROBLEMS_ONLY'],
        [entry({ taskId: randomUUID() }), 400, 'WORKLOG_TASK_NOT_FOUND'],
        [entry({ unitId: other.units['司法所'].id }), 400, 'WORKLOG_UNIT_NOT_FOUND'],
        [entry({ extra: 1 }), 400, 'VALIDATION_FAILED'],
      ];
      for (const [body, status, code] of cases) {
        const response = await post(code === 'WORKLOG_UNIT_NOT_FOUND' ? 'leader' : 'staff', body);
        expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status, code });
        expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('links a task of the own organization, never one of another organization', async () => {
      const dataSource = app.app.get(DataSource);
      const insertTask = async (organizationId: string) =>
        (
          await dataSource.query(
            `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text) VALUES ($1, 'plan', 'plan', '全面普及法律知识', '') RETURNING id`,
            [organizationId],
          )
        )[0].id as string;
      const own = await post('staff', entry({ taskId: await insertTask(org.org.id) }));
      expect(own.status).toBe(201);
      const foreign = await post('staff', entry({ taskId: await insertTask(other.org.id) }));
      expect(foreign.body.code).toBe('WORKLOG_TASK_NOT_FOUND');
    });

    it('records a problem found during the year with its cause', async () => {
      const created = await post(
        'staff',
        entry({
          category: 'enforcement',
          kind: 'problem',
          text: '部分执法案卷文书填写不规范',
          cause: '新任执法人员培训不够',
        }),
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'problem', cause: '新任执法人员培训不够' });
    });
  });

  describe('listing', () => {
    let fixture: OrgWithUsers;

    beforeAll(async () => {
      fixture = await createOrgWithUsers(app);
      const rows: [string, string, string][] = [
        ['2025-01-10', 'publicity', '司法所'],
        ['2025-03-02', 'publicity', '司法所'],
        ['2025-03-20', 'enforcement', '综合行政执法队'],
        ['2025-03-28', 'disputes', '司法所'],
        ['2024-12-30', 'publicity', '司法所'],
      ];
      for (const [date, category, unit] of rows) {
        const created = await app.post(
          '/api/v1/worklog',
          { date, category, text: `${date}的工作`, unitId: fixture.units[unit].id },
          { token: fixture.users.leader.token },
        );
        expect(created.status).toBe(201);
      }
    });

    const list = async (query: string) => {
      const response = await app.get(`/api/v1/worklog?${query}`, { token: fixture.users.viewer.token });
      expect(response.status).toBe(200);
      return response.body as { items: { date: string }[]; total: number; page: number; pageSize: number };
    };

    it('filters by year, month, category and unit, newest first', async () => {
      expect((await list('year=2025')).items.map((item) => item.date)).toEqual([
        '2025-03-28',
        '2025-03-20',
        '2025-03-02',
        '2025-01-10',
      ]);
      expect((await list('year=2025&month=3')).total).toBe(3);
      expect((await list('year=2025&month=3&category=publicity')).items.map((i) => i.date)).toEqual([
        '2025-03-02',
      ]);
      expect((await list(`unitId=${fixture.units['综合行政执法队'].id}`)).total).toBe(1);
      expect((await list('year=2024')).total).toBe(1);
    });

    it('pages like the other lists', async () => {
      const first = await list('pageSize=2');
      expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(first.items).toHaveLength(2);
      const third = await list('pageSize=2&page=3');
      expect(third.items.map((item) => item.date)).toEqual(['2024-12-30']);
    });

    it('refuses a month without a year', async () => {
      const response = await app.get('/api/v1/worklog?month=3', { token: fixture.users.viewer.token });
      expect(response.body).toMatchObject({ statusCode: 400, code: 'WORKLOG_MONTH_NEEDS_YEAR' });
    });
  });

  describe('changes', () => {
    it('lets staff correct their unit’s entry but only a leader or admin put it into the report', async () => {
      const created = await post('staff', entry());
      const url = `/api/v1/worklog/${created.body.id}`;
      const corrected = await app.patch(
        url,
        { text: '开展法治讲座13场，覆盖群众1600余人', date: '2025-03-16' },
        { token: org.users.staff.token },
      );
      expect(corrected.body).toMatchObject({
        text: '开展法治讲座13场，覆盖群众1600余人',
        date: '2025-03-16',
      });
      const byStaff = await app.patch(url, { inReport: true }, { token: org.users.staff.token });
      expect(byStaff.status).toBe(403);
      const byLeader = await app.patch(url, { inReport: true }, { token: org.users.leader.token });
      expect(byLeader.body.inReport).toBe(true);
      const nulled = await app.patch(url, { text: null }, { token: org.users.leader.token });
      expect(nulled.body.code).toBe('VALIDATION_FAILED');
    });

    it('announces a change to an entry in the report through the outbox, with the years whose drafts it touches', async () => {
      const created = await post('leader', entry());
      const dataSource = app.app.get(DataSource);
      const events = async () =>
        (
          await dataSource.query(
            `SELECT payload FROM outbox_events WHERE organization_id = $1 AND type = 'worklog.changed' ORDER BY id`,
            [org.org.id],
          )
        ).map((row: { payload: { years: number[] } }) => row.payload.years);
      const before = (await events()).length;
      await app.patch(
        `/api/v1/worklog/${created.body.id}`,
        { text: '改' },
        { token: org.users.leader.token },
      );
      expect(await events()).toHaveLength(before); // not in the report: no draft changes
      await app.patch(
        `/api/v1/worklog/${created.body.id}`,
        { inReport: true },
        { token: org.users.leader.token },
      );
      await app.patch(
        `/api/v1/worklog/${created.body.id}`,
        { date: '2024-12-01' },
        { token: org.users.leader.token },
      );
      await app.request('DELETE', `/api/v1/worklog/${created.body.id}`, { token: org.users.leader.token });
      expect((await events()).slice(before)).toEqual([[2025], [2024, 2025], [2024]]);
    });

    it('lets staff delete only what they wrote', async () => {
      const byLeader = await post('leader', entry({ unitId: org.users.staff.unitId }));
      const refused = await app.request('DELETE', `/api/v1/worklog/${byLeader.body.id}`, {
        token: org.users.staff.token,
      });
      expect(refused.status).toBe(403);
      const own = await post('staff', entry());
      const deleted = await app.request('DELETE', `/api/v1/worklog/${own.body.id}`, {
        token: org.users.staff.token,
      });
      expect(deleted.body).toEqual({ id: own.body.id, deleted: true });
      expect((await app.get(`/api/v1/worklog/${own.body.id}`, { token: org.users.admin.token })).status).toBe(
        404,
      );
    });

    it('answers 404 for another organization’s entry, whatever the verb', async () => {
      const created = await post('staff', entry());
      const url = `/api/v1/worklog/${created.body.id}`;
      const token = other.users.admin.token;
      expect((await app.get(url, { token })).status).toBe(404);
      expect((await app.patch(url, { inReport: true }, { token })).status).toBe(404);
      expect((await app.request('DELETE', url, { token })).status).toBe(404);
      expect((await app.get(url, { token: org.users.viewer.token })).body.inReport).toBe(false);
      const listed = await app.get('/api/v1/worklog', { token });
      expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
    });
  });

  describe('evidence', () => {
    it('stores a file with an entry, lists it, serves it under its name, and hides it from other organizations', async () => {
      const created = await post('staff', entry());
      const content = Buffer.from('讲座签到表');
      const { body, headers } = multipart('签到表.txt', content);
      const uploaded = await app.post(`/api/v1/worklog/${created.body.id}/evidence`, body, {
        token: org.users.staff.token,
        headers,
      });
      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toMatchObject({ fileName: '签到表.txt', sizeBytes: content.length });
      const read = await app.get(`/api/v1/worklog/${created.body.id}`, { token: org.users.viewer.token });
      expect(read.body.files).toEqual([
        { id: uploaded.body.id, fileName: '签到表.txt', sizeBytes: content.length },
      ]);
      const url = `/api/v1/worklog/${created.body.id}/evidence/${uploaded.body.id}`;
      const file = await app.get(url, { token: org.users.viewer.token });
      expect(file.status).toBe(200);
      expect(file.raw.equals(content)).toBe(true);
      expect(String(file.headers['content-disposition'])).toBe(
        `attachment; filename="___.txt"; filename*=UTF-8''${encodeURIComponent('签到表.txt')}`,
      );
      expect((await app.get(url, { token: other.users.admin.token })).status).toBe(404);
      const byViewer = await app.post(`/api/v1/worklog/${created.body.id}/evidence`, body, {
        token: org.users.viewer.token,
        headers,
      });
      expect(byViewer.status).toBe(403);
    });
  });
});
