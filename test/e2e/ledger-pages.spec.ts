import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { describeInBrowser, screenshot, sidewaysScroll, signIn } from '../support/browser';
import { Fixtures, ImportedTask, OrgWithUsers } from '../support/fixtures';

const DOCUMENTS = join(process.cwd(), 'test-output', 'documents');
const SEED = '/work/shared/seeds/001_e130f611d196ff54.txt';
const REPORT = existsSync(SEED)
  ? readFileSync(SEED, 'utf8')
  : readFileSync(join(__dirname, '..', 'fixtures', 'reports', 'county-document-number.txt'), 'utf8');
const WIDTHS = [1366, 375] as const;

describeInBrowser('the ledger, its printed form and every page at 1366 and 375 px', 'api', (web) => {
  let org: OrgWithUsers;
  let tasks: ImportedTask[];
  let reportId: string;
  let linkedProblem: ImportedTask;
  const ownMeasures: string[] = [];

  beforeAll(async () => {
    mkdirSync(DOCUMENTS, { recursive: true });
    const fixtures = Fixtures.of(web.app);
    org = await fixtures.organization({
      name: '鲁山县张良镇人民政府',
      units: ['综合行政执法队', '党政综合办公室'],
    });
    tasks = await fixtures.importReport(org.org.id, REPORT, '2099-12-31');
    const leader = { token: org.users.leader.token };
    reportId = (await web.app.get(`/api/v1/tasks/${tasks[0].id}`, leader)).body.reportId;
    // Each measure answers the problem before it in the report, as the import review links them; the first
    // problem also gets two measures of the office's own, one overdue.
    let problem: ImportedTask | undefined;
    for (const task of tasks) {
      if (task.itemKind === 'problem') problem = task;
      else if (task.itemKind === 'measure' && problem) await patch(task.id, { problemTaskId: problem.id });
    }
    linkedProblem = tasks.find((task) => task.itemKind === 'problem')!;
    const unitId = org.units['综合行政执法队'].id;
    for (const [title, deadline] of [
      [
        '组织执法人员参加全县行政执法资格考试培训，建立学法台账，每季度开展一次案卷评查并通报结果',
        '2099-06-30',
      ],
      ['修订执法全过程记录制度', '2020-03-31'],
    ])
      ownMeasures.push(
        await fixtures.task(org.org.id, {
          title,
          deadline,
          status: 'in_progress',
          leaderId: org.users.leader.id,
          unitId,
          assigneeId: org.users.staff.id,
          planYear: 2025,
          problemTaskId: linkedProblem.id,
        }),
      );
    for (const task of tasks.slice(0, 6))
      await patch(task.id, { leaderId: org.users.leader.id, unitId, assigneeId: org.users.staff.id });
  }, 120_000);

  async function patch(id: string, changes: Record<string, unknown>): Promise<void> {
    const leader = { token: org.users.leader.token };
    const { version } = (await web.app.get(`/api/v1/tasks/${id}`, leader)).body;
    const response = await web.app.patch(`/api/v1/tasks/${id}`, { version, ...changes }, leader);
    if (response.status !== 200) throw new Error(`PATCH ${id}: ${JSON.stringify(response.body)}`);
  }

  async function signedIn(width: number, role: 'leader' | 'admin' = 'leader'): Promise<Page> {
    const context = await web.browser.newContext({
      viewport: { width, height: width > 500 ? 900 : 740 },
      locale: 'zh-CN',
      isMobile: width < 500,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, web.baseUrl, org.users[role].username);
    return page;
  }

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`${web.baseUrl}/${hash}`);
    await page.waitForLoadState('networkidle');
    await page.locator('main h1').first().waitFor();
  }

  it('groups measures under their problem with 序号, keeps the sort control whole and filters by year and report', async () => {
    const page = await signedIn(1366);
    await open(page, '#/tasks');
    const group = page.locator('tbody.group').filter({ hasText: linkedProblem.title }).first();
    await group.waitFor();
    expect(await group.locator('td.seq').innerText()).toBe('1');
    expect(await group.locator('tr').count()).toBeGreaterThanOrEqual(2);
    await expect(group.locator('td.measure').first().innerText()).resolves.not.toBe('');
    const count = await page.locator('.ledger-count').innerText();
    expect(count).toMatch(/共 \d+ 个序号.*\d+ 项任务/);
    // The sort control sits whole inside the filter card.
    const card = (await page.locator('form.filters').boundingBox())!;
    const sort = (await page.getByLabel('排序').boundingBox())!;
    expect(sort.x + sort.width).toBeLessThanOrEqual(card.x + card.width);
    expect(sort.x).toBeGreaterThanOrEqual(card.x);
    expect(await page.getByLabel('年度').locator('option').allInnerTexts()).toContain('2025年度');
    const excel = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await excel).suggestedFilename()).toBe(`${org.org.name}整改台账.xlsx`);
    await page.getByLabel('来源报告').selectOption(reportId);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/reportId=/);
    // The office's own measures belong to no report: they leave the ledger filtered by the report.
    await page
      .locator('tbody.group')
      .filter({ hasText: '修订执法全过程记录制度' })
      .waitFor({ state: 'detached' });
    expect(await page.locator('tbody.group').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 120_000);

  it('shows the ledger on a phone as one card per group, without sideways scrolling', async () => {
    const page = await signedIn(375);
    await open(page, '#/tasks');
    await page.locator('tbody.group').first().waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    const layout =
      (await page.evaluate(`[...document.querySelectorAll('tbody.group')].slice(0, 5).map((group) => {
      const box = group.getBoundingClientRect();
      return { display: getComputedStyle(group).display, left: box.left, right: box.right };
    })`)) as Array<{ display: string; left: number; right: number }>;
    for (const card of layout) {
      expect(card.display).toBe('block');
      expect(card.left).toBeGreaterThanOrEqual(0);
      expect(card.right).toBeLessThanOrEqual(375);
    }
    const titleWidths = (await page.evaluate(
      "[...document.querySelectorAll('.ledger .title-cell')].slice(0, 10).map((cell) => cell.getBoundingClientRect().width)",
    )) as number[];
    expect(Math.min(...titleWidths)).toBeGreaterThan(250);
    await page.context().close();
  }, 120_000);

  it('prints the ledger on A4 landscape with the Excel layout', async () => {
    const page = await signedIn(1366);
    await open(page, '#/tasks/print');
    await page.locator('table.print-ledger tbody').first().waitFor();
    expect(await page.locator('h1.print-title').innerText()).toMatch(
      /^鲁山县张良镇人民政府\d{4}年度法治政府建设问题整改台账$/,
    );
    expect(await page.locator('table.print-ledger thead th').allInnerTexts()).toEqual([
      '序号',
      '问题',
      '整改措施',
      '责任领导',
      '责任单位',
      '责任人',
      '完成时限',
      '进展情况',
      '整改成效',
      '红黄绿灯',
    ]);
    const merged = page.locator('table.print-ledger td[rowspan]').first();
    expect(Number(await merged.getAttribute('rowspan'))).toBeGreaterThan(1);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(DOCUMENTS, '打印台账.pdf'), pdf);
    // The Excel file of the same real report, kept beside it to compare on paper (soffice --convert-to pdf).
    const excel = await web.app.get('/api/v1/tasks/export.xlsx', { token: org.users.leader.token });
    expect(excel.status).toBe(200);
    writeFileSync(join(DOCUMENTS, '整改台账-真实报告.xlsx'), excel.raw);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    await page.context().close();
  }, 120_000);

  it('shows on a measure’s page the problem it answers, and a leader can unlink it there', async () => {
    const page = await signedIn(1366);
    await open(page, `#/tasks/${ownMeasures[1]}`);
    const section = page.locator('section.problem-link');
    await section.getByRole('link', { name: linkedProblem.title }).waitFor();
    await section.getByRole('button', { name: '改为其他问题' }).click();
    await section.getByLabel('整改问题').selectOption('');
    await section.getByRole('button', { name: '保存' }).click();
    await section.getByText('未关联整改问题').waitFor();
    const task = await web.app.get(`/api/v1/tasks/${ownMeasures[1]}`, { token: org.users.leader.token });
    expect(task.body.problemTaskId).toBeNull();
    await patch(ownMeasures[1], { problemTaskId: linkedProblem.id });
    await page.context().close();
  }, 120_000);

  it('takes a screenshot of every page at 1366 and 375 px, none scrolling sideways', async () => {
    const problemTask = linkedProblem.id;
    const pages: Array<[string, string, 'leader' | 'admin']> = [
      ['02-dashboard', '#/', 'leader'],
      ['05-ledger', '#/tasks', 'leader'],
      ['06-ledger-flat', '#/tasks?sort=deadline', 'leader'],
      ['07-ledger-print', '#/tasks/print', 'leader'],
      ['10-task', `#/tasks/${problemTask}`, 'leader'],
      ['11-task-measure', `#/tasks/${ownMeasures[0]}`, 'leader'],
      ['03-import-upload', '#/import', 'leader'],
      ['04-import-review', `#/import/${reportId}`, 'leader'],
      ['12-notifications', '#/notifications', 'leader'],
      ['13-draft', '#/draft/2025', 'leader'],
      ['16-admin-users', '#/admin/users', 'admin'],
      ['17-admin-units', '#/admin/units', 'admin'],
      ['18-not-found', '#/no-such-page', 'leader'],
    ];
    const overflow: Array<{ name: string; width: number; overflow: number }> = [];
    for (const width of WIDTHS) {
      const login = await web.browser.newPage({ viewport: { width, height: 740 } });
      await login.goto(`${web.baseUrl}/#/login`);
      await login.locator('main h1').first().waitFor();
      await screenshot(login, '01-login');
      await login.close();
      for (const role of ['leader', 'admin'] as const) {
        const page = await signedIn(width, role);
        for (const [name, hash] of pages.filter((entry) => entry[2] === role)) {
          await open(page, hash);
          overflow.push({ name, width, overflow: await sidewaysScroll(page) });
          await screenshot(page, name);
        }
        await page.context().close();
      }
    }
    expect(overflow.filter((entry) => entry.overflow > 0)).toEqual([]);
  }, 300_000);
});
