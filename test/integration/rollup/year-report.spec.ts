import * as mammoth from 'mammoth';
import { writeFileSync } from 'node:fs';
import { repeatedPhrase } from '../../../src/rollup/draft-text';
import { TestApp, testRuntime } from '../../support/test-app';
import { playYear, PlayedYear } from './year-play';

interface Paragraph {
  id: string;
  style: string;
  text: string;
  sourceTaskIds: string[];
  sourceItemIds: string[];
  placeholder?: boolean;
}
interface Section {
  key: string;
  heading: string;
  paragraphs: Paragraph[];
}

/** The "done when": a year played through the API, then the draft as of 31 December read as a report. */
describe('the 2025 report drafted from a year of work (as of 2025-12-31)', () => {
  let app: TestApp;
  let year: PlayedYear;
  let draft: {
    counts: Record<string, number>;
    sections: Section[];
    preamble: Paragraph[];
    closing: Paragraph[];
  };
  const section = (key: string) => draft.sections.find((candidate) => candidate.key === key)!;
  /** The paragraph that tells of one task (the counts sentence names them all). */
  const about = (taskId: string) =>
    draft.sections
      .flatMap((s) => s.paragraphs)
      .find((p) => p.id !== 'achievements:overview' && p.sourceTaskIds.includes(taskId))!.text;
  const allParagraphs = () => [
    ...draft.preamble,
    ...draft.sections.flatMap((s) => s.paragraphs),
    ...draft.closing,
  ];
  /** The texts of the work logged under a category; never none, or the test that reads them would prove nothing. */
  const loggedWork = (category: string) => {
    const texts = year.entries
      .filter((entry) => entry.category === category && !entry.kind)
      .map((entry) => entry.text);
    expect(texts).not.toHaveLength(0);
    return texts;
  };

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    year = await playYear(app);
    const response = await app.get('/api/v1/reports/drafts/2025?asOf=2025-12-31', {
      token: year.org.users.viewer.token,
    });
    expect(response.status).toBe(200);
    draft = response.body;
    // DRAFT_DUMP=file keeps the draft for a person to read.
    if (process.env.DRAFT_DUMP) writeFileSync(process.env.DRAFT_DUMP, JSON.stringify(draft, null, 1));
  });
  afterAll(() => app?.close());

  it('states counts that match the ledger', async () => {
    const ledger = await app.get('/api/v1/tasks?year=2025&pageSize=100', {
      token: year.org.users.viewer.token,
    });
    const items = ledger.body.items as Array<{ id: string; status: string; completedOn: string | null }>;
    const done = items.filter((task) => ['completed', 'pending_review'].includes(task.status));
    expect(draft.counts).toEqual({
      planned: ledger.body.total,
      completed: done.length,
      onTime: done.length,
      overdue: 2,
    });
    const overview = section('achievements').paragraphs.find((p) => p.id === 'achievements:overview')!;
    expect(overview.text).toContain(`共确定重点工作${ledger.body.total}项`);
    expect(overview.text).toContain(`截至2025年12月31日，已完成${done.length}项`);
    expect(overview.text).toContain('逾期未完成2项');
  });

  it('gives every problem of the 2024 report exactly one paragraph', () => {
    for (const itemId of year.problemItemIds) {
      const about = section('achievements').paragraphs.filter((p) =>
        p.id.startsWith(`rectification:${itemId}`),
      );
      expect(about).toHaveLength(1);
    }
  });

  it('repeats no 12-character phrase within a paragraph and carries no internal words or ISO dates', () => {
    for (const p of allParagraphs()) {
      expect({ id: p.id, repeated: repeatedPhrase(p.text) }).toEqual({ id: p.id, repeated: null });
      expect(p.text).not.toMatch(/任务|进展|序时|\d{4}-\d{2}-\d{2}/);
    }
  });

  it('fills the 第一责任人 part from the log', () => {
    const leadership = section('leadership').paragraphs;
    expect(leadership.some((p) => p.placeholder)).toBe(false);
    const text = leadership.map((p) => p.text).join('');
    for (const logged of loggedWork('leadership')) expect(text).toContain(logged);
  });

  it('reads the extended task as done on time within the extension', () => {
    expect(about(year.extended)).toContain('经批准延期至2025年12月20日，按期完成');
  });

  it('reads a task awaiting 核验 on 31 December as done, awaiting 核验', () => {
    expect(about(year.awaitingReview)).toMatch(/已完成、待核验|已完成，待核验/);
  });

  it('gives the carried task its 未完成原因 and carries it into 2026 as work with its new deadline', () => {
    const shortcomings = section('shortcomings')
      .paragraphs.map((p) => p.text)
      .join('');
    expect(shortcomings).toContain('责任分工涉及多个站所，人员调整后尚未重新明确');
    const plans = section('plans').paragraphs.find((p) => p.sourceTaskIds.includes(year.carried))!.text;
    expect(plans).toContain('由党政办牵头重新明确责任分工，逐项销号，力争于2026年6月30日前完成');
    const overdue = section('plans').paragraphs.find((p) => p.sourceTaskIds.includes(year.overdue))!.text;
    expect(overdue).not.toContain('2026');
  });

  it('places the logged work under its categories and names the new problem with its cause', () => {
    const achievements = section('achievements').paragraphs;
    const headings = achievements.filter((p) => p.style === 'subheading').map((p) => p.text);
    expect(headings).toEqual(expect.arrayContaining([expect.stringContaining('法治宣传教育')]));
    const text = achievements.map((p) => p.text).join('');
    for (const logged of loggedWork('publicity')) expect(text).toContain(logged);
    const shortcomings = section('shortcomings')
      .paragraphs.map((p) => p.text)
      .join('');
    expect(shortcomings).toContain('新任调解员占比高、培训覆盖不够');
  });

  it('opens with the 主送机关 and closes with the 落款 and a Chinese date', () => {
    expect(draft.preamble[0]).toMatchObject({ style: 'addressee', text: '县委全面依法治县委员会办公室：' });
    expect(draft.closing.map((p) => p.style)).toEqual(['signature', 'date']);
    expect(draft.closing[0].text).toBe('鲁山县张良镇人民政府');
    expect(draft.closing[1].text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('keeps the carried task one task, with the carry-over in its history, and lists it for the year-end screen', async () => {
    const task = await app.get(`/api/v1/tasks/${year.carried}`, { token: year.org.users.viewer.token });
    expect(task.body).toMatchObject({ deadline: '2026-06-30', planYear: 2025 });
    expect(task.body.history.map((entry: { action: string }) => entry.action)).toContain('carried_over');
    const list = await app.get('/api/v1/reports/drafts/2025/carry-over', {
      token: year.org.users.leader.token,
    });
    expect(list.body.find((row: { id: string }) => row.id === year.carried)).toMatchObject({
      carriedIntoYear: 2026,
      carriedDeadline: '2026-06-30',
      deadline: '2025-10-31',
    });
    const next = await app.get('/api/v1/reports/drafts/2026?asOf=2026-01-15', {
      token: year.org.users.viewer.token,
    });
    expect(next.body.counts.planned).toBe(1);
  });

  it('refuses a carry-over to a deadline outside the next year, and by staff', async () => {
    const url = `/api/v1/tasks/${year.overdue}/carry-over`;
    const body = { reason: '原因', deadline: '2027-03-31' };
    const wrongYear = await app.post(url, body, { token: year.org.users.leader.token });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.code).toBe('CARRY_OVER_DEADLINE_NOT_NEXT_YEAR');
    const byStaff = await app.post(
      url,
      { ...body, deadline: '2026-03-31' },
      { token: year.org.users.staff.token },
    );
    expect(byStaff.status).toBe(403);
    const done = await app.post(
      `/api/v1/tasks/${year.extended}/carry-over`,
      { ...body, deadline: '2026-03-31' },
      { token: year.org.users.leader.token },
    );
    expect(done.status).toBe(409);
    expect(done.body.code).toBe('CARRY_OVER_NOT_OPEN');
  });

  it('serves the same draft as of that date as a Word file with the 主送机关, the 落款 and the date', async () => {
    const response = await app.get('/api/v1/reports/drafts/2025.docx?asOf=2025-12-31', {
      token: year.org.users.viewer.token,
    });
    expect(response.status).toBe(200);
    if (process.env.DRAFT_DUMP) writeFileSync(`${process.env.DRAFT_DUMP}.docx`, response.raw);
    const { value } = await mammoth.extractRawText({ buffer: response.raw });
    const lines = value.split('\n').filter((line) => line.trim());
    expect(lines.slice(0, 3)).toEqual([
      '鲁山县张良镇人民政府关于',
      '2025年法治政府建设情况的报告',
      '县委全面依法治县委员会办公室：',
    ]);
    expect(value).toContain('经批准延期至2025年12月20日，按期完成');
    expect(lines.at(-2)).toBe('鲁山县张良镇人民政府');
    expect(lines.at(-1)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('finalizes the edited draft into the 2025 report, whose items go through review into 2026 tasks', async () => {
    const { leader, staff } = year.org.users;
    const plan = await app.post(
      '/api/v1/reports/drafts/2025/paragraphs',
      {
        sectionKey: 'plans',
        afterId: null,
        style: 'body',
        text: '（一）深化基层综合行政执法改革。推动执法力量下沉，年内完成执法人员轮训全覆盖。',
      },
      { token: leader.token },
    );
    expect(plan.status).toBe(201);
    expect((await app.post('/api/v1/reports/drafts/2025/finalize', {}, { token: staff.token })).status).toBe(
      403,
    );
    const finalized = await app.post(
      '/api/v1/reports/drafts/2025/finalize?asOf=2025-12-31',
      {},
      { token: leader.token },
    );
    expect(finalized.status).toBe(200);
    expect(finalized.body).toMatchObject({ duplicate: false });
    expect(finalized.body.omittedPlaceholders).toBeGreaterThan(0);

    const report = await app.get(`/api/v1/reports/${finalized.body.reportId}`, { token: leader.token });
    expect(report.body).toMatchObject({
      reportYear: 2025,
      planYear: 2026,
      organization: '鲁山县张良镇人民政府',
    });
    const items = report.body.items as Array<{ id: string; kind: string; title: string }>;
    expect(JSON.stringify(items)).not.toContain('待补充');
    const problems = items.filter((item) => item.kind === 'problem').map((item) => item.title);
    expect(problems.join('|')).toContain('部分村级调解员调解技巧不足');
    const plans = items.filter((item) => item.kind === 'plan');
    expect(plans.map((item) => item.title).join('|')).toContain('深化基层综合行政执法改革');

    const confirmed = await app.post(
      `/api/v1/reports/${finalized.body.reportId}/tasks`,
      { items: plans.map((item) => ({ itemId: item.id, leaderId: leader.id, unitId: staff.unitId })) },
      { token: leader.token },
    );
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.tasks.every((task: { planYear: number }) => task.planYear === 2026)).toBe(true);
    const next = await app.get('/api/v1/tasks?year=2026&kind=plan', { token: year.org.users.viewer.token });
    expect(next.body.total).toBe(plans.length);
  });
});
