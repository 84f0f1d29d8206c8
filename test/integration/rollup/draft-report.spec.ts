import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import * as mammoth from 'mammoth';
import { repeatedPhrase } from '../../../src/rollup/draft-text';
import { createOrgWithUsers, Fixtures, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { sampleReportText } from './rollup-fixtures';

interface Paragraph {
  id: string;
  style: string;
  text: string;
  sourceTaskIds: string[];
  sourceItemIds: string[];
  sourceEntryIds?: string[];
  placeholder?: boolean;
}
interface DraftBody {
  title: string;
  asOf: string;
  counts: { planned: number; completed: number; onTime: number; overdue: number };
  preamble: Paragraph[];
  sections: { key: string; heading: string; paragraphs: Paragraph[] }[];
  closing: Paragraph[];
}

function multipart(fileName: string, content: string) {
  const boundary = `----draft${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`;
  return {
    body: Buffer.from(`${head}${content}\r\n--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const all = (draft: DraftBody) => [
  ...draft.preamble,
  ...draft.sections.flatMap((section) => section.paragraphs),
  ...draft.closing,
];
const part = (draft: DraftBody, key: string) =>
  draft.sections.find((section) => section.key === key)!.paragraphs;

/** What the office logged over 2025, [date, category, text]; the last one a leader leaves out of the report. */
const LOG: [string, string, string][] = [
  ['2025-02-18', 'leadership', '镇党委书记主持召开党委会专题研究法治政府建设工作'],
  ['2025-03-15', 'publicity', '开展法治讲座12场，覆盖群众1500余人'],
  ['2025-03-28', 'publicity', '组织“法律明白人”培训2次，参训180人次'],
  ['2025-04-10', 'disputes', '排查化解矛盾纠纷326件，化解率98%'],
  ['2025-05-06', 'enforcement', '开展执法案卷评查，评查案卷46卷'],
  ['2025-06-20', 'leadership', '镇长在县政府常务会议前专题述法'],
  ['2025-07-09', 'functions', '梳理公布政务服务事项81项'],
  ['2025-08-22', 'oversight', '公开重大行政决策事项5件'],
  ['2025-09-12', 'decisions', '聘请法律顾问审查合同23份'],
  ['2025-10-30', 'institutions', '清理规范性文件12件，废止3件'],
  ['2025-11-15', 'publicity', '这一条不写入报告'],
];

describe('the 2025 report draft built from the ledger and the 工作纪实, over HTTP', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let leader: OrgWithUsers['users']['leader'];
  let problemItemIds: string[];

  const draft = async (query = '') => {
    const response = await app.get(`/api/v1/reports/drafts/2025${query}`, { token: org.users.viewer.token });
    expect(response.status).toBe(200);
    return response.body as DraftBody;
  };

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    org = await createOrgWithUsers(app, { name: '鲁山县张良镇人民政府' });
    leader = org.users.leader;
    const { body, headers } = multipart('001.txt', sampleReportText());
    const uploaded = await app.post('/api/v1/reports', body, { token: leader.token, headers });
    expect(uploaded.status).toBe(201);
    const items: { id: string; kind: string }[] = uploaded.body.items;
    problemItemIds = items.filter((item) => item.kind === 'problem').map((item) => item.id);
    const confirmed = await app.post(
      `/api/v1/reports/${uploaded.body.id}/tasks`,
      {
        items: items
          .filter((item) => item.kind !== 'cause')
          .map((item) => ({
            itemId: item.id,
            leaderId: leader.id,
            unitId: org.users.staff.unitId,
            deadline: item.kind === 'plan' ? '2025-12-31' : '2025-06-30',
          })),
      },
      { token: leader.token },
    );
    expect(confirmed.status).toBe(201);
    const tasks: { id: string; title: string; kind: string }[] = confirmed.body.tasks;
    const plans = tasks.filter((task) => task.kind === 'plan');
    const done = [
      plans[0],
      plans[1],
      tasks.find((task) => task.title.startsWith('加大对执法人员的培训力度'))!,
    ];
    // Confirmed in January 2025, done in June (the API stamps today, so the tasks are moved back to then).
    for (const task of tasks)
      await Fixtures.of(app).backdate(task.id, { createdAt: '2025-01-10T09:00:00+08:00' });
    for (const [index, task] of done.entries()) {
      const update = {
        status: 'pending_review',
        progress: 100,
        note: '申请销号',
        outcome: `第${index + 1}项成效，完成${index + 3}场`,
        completedOn: '2025-06-10',
      };
      expect(
        (await app.post(`/api/v1/tasks/${task.id}/updates`, update, { token: org.users.staff.token })).status,
      ).toBe(201);
      expect(
        (await app.post(`/api/v1/tasks/${task.id}/review`, { decision: 'approve' }, { token: leader.token }))
          .status,
      ).toBe(201);
    }
    for (const task of done)
      await Fixtures.of(app).backdate(task.id, { completedAt: '2025-06-12T10:00:00+08:00' });
    for (const [date, category, text] of LOG) {
      const author = category === 'leadership' ? leader : org.users.staff;
      const created = await app.post('/api/v1/worklog', { date, category, text }, { token: author.token });
      expect(created.status).toBe(201);
      if (text !== '这一条不写入报告')
        expect(
          (await app.patch(`/api/v1/worklog/${created.body.id}`, { inReport: true }, { token: leader.token }))
            .status,
        ).toBe(200);
    }
    const problem = await app.post(
      '/api/v1/worklog',
      {
        date: '2025-10-12',
        category: 'enforcement',
        kind: 'problem',
        text: '部分执法文书填写不规范',
        cause: '新任执法人员培训不够',
      },
      { token: org.users.staff.token },
    );
    await app.patch(`/api/v1/worklog/${problem.body.id}`, { inReport: true }, { token: leader.token });
    await app.post('/api/v1/reports/drafts/2025/rebuild', undefined, { token: leader.token });
  }, 120_000);

  afterAll(() => app?.close());

  it('is a report of the organization, as of 31 December, with 主送机关, 落款 and the date written out', async () => {
    const body = await draft();
    expect(body.title).toBe('鲁山县张良镇人民政府关于2025年法治政府建设情况的报告');
    expect(body.asOf).toBe('2025-12-31');
    expect(body.preamble[0]).toMatchObject({ style: 'addressee', text: '县委全面依法治县委员会办公室：' });
    expect(body.closing[0].text).toBe('鲁山县张良镇人民政府');
    expect(body.closing[1].text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('fills the 第一责任人 part from its log entries, and the other parts by category, leaving out what was not chosen', async () => {
    const body = await draft();
    const leadership = part(body, 'leadership')
      .map((p) => p.text)
      .join('');
    expect(leadership).toContain('2月，镇党委书记主持召开党委会专题研究法治政府建设工作。');
    expect(leadership).toContain('镇长在县政府常务会议前专题述法');
    const headings = part(body, 'achievements')
      .filter((p) => p.style === 'subheading')
      .map((p) => p.text.replace(/^（.+?）/u, ''));
    expect(headings).toEqual(
      expect.arrayContaining(['完善依法行政制度体系', '矛盾纠纷预防化解', '法治宣传教育']),
    );
    const text = JSON.stringify(body);
    expect(text).toContain('开展法治讲座12场，覆盖群众1500余人');
    expect(text).not.toContain('这一条不写入报告');
    expect(part(body, 'shortcomings').map((p) => p.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^（[一二三]）部分执法文书填写不规范。主要原因是新任执法人员培训不够。$/u),
      ]),
    );
  });

  it('gives every previous problem one paragraph, repeats no 12-character phrase and lets no internal word through', async () => {
    const body = await draft();
    for (const id of problemItemIds)
      expect(
        all(body).filter((p) => p.id.startsWith('rectification:') && p.sourceItemIds.includes(id)),
      ).toHaveLength(1);
    for (const paragraph of all(body)) {
      expect({ id: paragraph.id, repeated: repeatedPhrase(paragraph.text) }).toEqual({
        id: paragraph.id,
        repeated: null,
      });
      expect(paragraph.text).not.toMatch(/任务|进展|序时/);
    }
  });

  it('is built as of another date on request, without changing the stored draft', async () => {
    const early = await draft('?asOf=2025-03-31');
    expect(early.asOf).toBe('2025-03-31');
    expect(early.counts.completed).toBe(0);
    expect(JSON.stringify(early)).toContain('截至2025年3月31日');
    const stored = await draft();
    expect(stored.counts.completed).toBe(3);
    const bad = await app.get('/api/v1/reports/drafts/2025?asOf=2025-13-01', {
      token: org.users.viewer.token,
    });
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  describe('editing', () => {
    const url = (suffix = '') => `/api/v1/reports/drafts/2025/paragraphs${suffix}`;

    it('adds, moves and removes paragraphs and subheadings, renumbering （一） as it goes', async () => {
      const added = await app.post(
        url(),
        {
          sectionKey: 'plans',
          afterId: 'plans:placeholder',
          text: '（五）着力提升依法行政水平。深入推进行政执法“三项制度”。',
        },
        { token: leader.token },
      );
      expect(added.status).toBe(201);
      const plans = part(added.body, 'plans');
      const mine = plans.find((p) => p.text.includes('着力提升依法行政水平'))!;
      expect(mine.text.startsWith('（一）')).toBe(true);
      expect(mine.id).toMatch(/^added:/);
      const removed = await app.patch(
        url('/plans%3Aplaceholder'),
        { removed: true },
        { token: leader.token },
      );
      expect(part(removed.body, 'plans')[0].id).toBe(mine.id);
      const heading = await app.post(
        url(),
        { sectionKey: 'other', afterId: null, style: 'subheading', text: '（一）其他工作' },
        { token: leader.token },
      );
      expect(part(heading.body, 'other')[0]).toMatchObject({ style: 'subheading', text: '（一）其他工作' });
      const moved = await app.patch(
        url(`/${encodeURIComponent(mine.id)}`),
        { position: { sectionKey: 'other', afterId: part(heading.body, 'other')[0].id } },
        { token: leader.token },
      );
      expect(
        part(moved.body, 'other')
          .map((p) => p.id)
          .slice(0, 2),
      ).toEqual([part(heading.body, 'other')[0].id, mine.id]);
      const reverted = await app.request('DELETE', url(`/${encodeURIComponent(mine.id)}`), {
        token: leader.token,
      });
      expect(all(reverted.body).some((p) => p.id === mine.id)).toBe(false);
    });

    it('refuses a place that is not in the draft, moving the 主送机关, and editing by a viewer', async () => {
      const anchor = await app.post(
        url(),
        { sectionKey: 'plans', afterId: 'nope', text: '甲' },
        { token: leader.token },
      );
      expect(anchor.body).toMatchObject({ statusCode: 400, code: 'DRAFT_ANCHOR_NOT_FOUND' });
      const preamble = await app.patch(
        url('/preamble%3Aaddressee'),
        { position: { sectionKey: 'plans', afterId: null } },
        { token: leader.token },
      );
      expect(preamble.body.code).toBe('DRAFT_PARAGRAPH_NOT_MOVABLE');
      const section = await app.post(
        url(),
        { sectionKey: 'nope', afterId: null, text: '甲' },
        { token: leader.token },
      );
      expect(section.body.code).toBe('VALIDATION_FAILED');
      expect(
        (
          await app.post(
            url(),
            { sectionKey: 'plans', afterId: null, text: '甲' },
            { token: org.users.viewer.token },
          )
        ).status,
      ).toBe(403);
    });
  });

  it('serves a Word file that reads back with its 主送机关, page numbers, grid, 落款 and date, and lines of an edit as paragraphs', async () => {
    const edited = await app.request('PUT', '/api/v1/reports/drafts/2025/paragraphs/preamble%3Aopening', {
      token: leader.token,
      body: { text: '第一段开头。\n第二段开头。' },
    });
    expect(edited.status).toBe(200);
    const response = await app.get('/api/v1/reports/drafts/2025.docx', { token: org.users.viewer.token });
    expect(response.status).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: response.raw });
    const lines = value.split('\n').filter((line) => line.trim());
    expect(lines.slice(0, 5)).toEqual([
      '鲁山县张良镇人民政府关于',
      '2025年法治政府建设情况的报告',
      '县委全面依法治县委员会办公室：',
      '第一段开头。',
      '第二段开头。',
    ]);
    expect(lines.at(-2)).toBe('鲁山县张良镇人民政府');
    expect(lines.at(-1)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    const zip = await JSZip.loadAsync(response.raw);
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="-842"\/>/);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /word\/footer\d+\.xml/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(footers).toHaveLength(2);
    for (const footer of footers)
      expect(footer).toMatch(/— <\/w:t>.*<w:instrText[^>]*>PAGE<\/w:instrText>.* —<\/w:t>/s);
  });
});
