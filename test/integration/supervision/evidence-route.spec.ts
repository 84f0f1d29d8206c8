import { renderOfficialDocx } from '../../../src/documents/official-docx';
import { loadExcel } from '../../../src/tasks/load-excel';
import { TestApp, testRuntime } from '../../support/test-app';
import { FixtureUser, Fixtures, OrgWithUsers } from '../../support/fixtures';
import { LEDGER_UNITS, multipart } from '../ledger/ledger-fixtures';

describe('supervision: GET /tasks/:id/evidence/:evidenceId', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let stranger: OrgWithUsers;
  let county: OrgWithUsers;
  let otherUnitStaff: FixtureUser;
  let taskId: string;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    county = await Fixtures.of(app).organization({ name: `测试县-${Date.now()}` });
    org = await Fixtures.of(app).organization({ units: LEDGER_UNITS, parentId: county.org.id });
    stranger = await Fixtures.of(app).organization();
    otherUnitStaff = await Fixtures.of(app).user(org.org.id, 'staff', {
      unitId: org.units[LEDGER_UNITS[1]].id,
    });
    taskId = await Fixtures.of(app).task(org.org.id, {
      deadline: '2099-03-31',
      leaderId: org.users.leader.id,
      unitId: org.users.staff.unitId,
      assigneeId: org.users.staff.id,
    });
  });
  afterAll(() => app.close());

  async function upload(fileName: string, content: Buffer | string, type: string): Promise<string> {
    const { body, headers } = multipart(fileName, content, type);
    const response = await app.post(`/api/v1/tasks/${taskId}/evidence`, body, {
      token: org.users.staff.token,
      headers,
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const fetchAs = (user: FixtureUser, evidenceId: string, query = '') =>
    app.get(`/api/v1/tasks/${taskId}/evidence/${evidenceId}${query}`, { token: user.token });

  it('streams a PDF inline to the owner with its Chinese name, type and nosniff', async () => {
    const content = Buffer.from('%PDF-1.4\n培训签到表\n%%EOF');
    const id = await upload('培训签到表.pdf', content, 'application/pdf');
    const response = await fetchAs(org.users.staff, id);
    expect(response.status).toBe(200);
    expect(response.raw.equals(content)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe(
      `inline; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('培训签到表.pdf')}`,
    );
  });

  it('serves it to a leader, a viewer, staff of another unit and the county above; 404 to another organization', async () => {
    const id = await upload('现场照片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
    for (const user of [org.users.leader, org.users.viewer, otherUnitStaff, county.users.leader]) {
      const response = await fetchAs(user, id);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
    }
    const foreign = await fetchAs(stranger.users.admin, id);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('TASK_NOT_FOUND');
    const unknown = await fetchAs(org.users.staff, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('sends other types as attachments, and a script never as HTML', async () => {
    const id = await upload('说明.html', '<script>alert(1)</script>', 'text/html');
    const response = await fetchAs(org.users.leader, id);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('previews a .docx as text and an .xlsx as a table (preview=1); refuses other types', async () => {
    const docx = await renderOfficialDocx({
      title: '整改情况说明',
      blocks: [{ kind: 'body', text: '已组织执法人员培训三次。' }],
    });
    const docxId = await upload('整改情况说明.docx', docx, 'application/octet-stream');
    const text = await fetchAs(org.users.leader, docxId, '?preview=1');
    expect(text.status).toBe(200);
    expect(text.body).toMatchObject({ kind: 'text', fileName: '整改情况说明.docx', truncated: false });
    expect(text.body.text).toContain('已组织执法人员培训三次。');

    const excel = await loadExcel();
    const workbook = new excel.Workbook();
    workbook.addWorksheet('签到').addRows([
      ['姓名', '单位'],
      ['张三', '司法所'],
    ]);
    const xlsxId = await upload(
      '签到表.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'application/octet-stream',
    );
    const table = await fetchAs(org.users.leader, xlsxId, '?preview=1');
    expect(table.body).toMatchObject({
      kind: 'table',
      sheets: [
        {
          name: '签到',
          rows: [
            ['姓名', '单位'],
            ['张三', '司法所'],
          ],
        },
      ],
    });
    const pdfId = await upload('a.pdf', '%PDF-1.4', 'application/pdf');
    const refused = await fetchAs(org.users.leader, pdfId, '?preview=1');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('PREVIEW_UNSUPPORTED');
  });
});
