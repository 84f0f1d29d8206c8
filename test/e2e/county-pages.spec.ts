import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { todayIn } from '../../src/common/calendar';
import { countyWithTownships, CountyTree } from '../integration/county/county-fixtures';
import {
  describeInBrowser,
  DESKTOP,
  PHONE,
  screenshot,
  sidewaysScroll,
  signIn,
  watchPage,
} from '../support/browser';
import { Fixtures, ImportedTask } from '../support/fixtures';

const year = Number(todayIn('Asia/Shanghai').slice(0, 4));
/** A township's own report (titled 关于2024年度法治政府建设工作情况的报告), whose items became its tasks. */
const TOWNSHIP_REPORT = readFileSync(
  join(__dirname, '..', 'fixtures', 'reports', 'township-answered-problems.txt'),
  'utf8',
);
const TOWNSHIP_REPORT_TITLE = '关于2024年度法治政府建设工作情况的报告';
/** The menu item shown as the current page. */
const CURRENT_NAV = 'nav a[aria-current="page"]';

/**
 * In the page: `window.organizationsRead`, once the page reads the answer to GET /organizations, settles a timer turn
 * after that read, when whatever the answer changes (in promise callbacks and preact's microtask render) is drawn.
 */
const ORGANIZATIONS_READ = `
  const json = Response.prototype.json;
  Response.prototype.json = function () {
    const read = json.call(this);
    if (new URL(this.url).pathname === '/api/v1/organizations')
      window.organizationsRead = read.then(() => new Promise((settle) => setTimeout(settle)));
    return read;
  };
`;

describeInBrowser('上级督导 pages in a real browser', 'api', (web) => {
  let tree: CountyTree;

  beforeAll(async () => {
    tree = await countyWithTownships(web.app, 5);
    const fixtures = Fixtures.of(web.app);
    for (const [index, township] of tree.townships.entries()) {
      const unitId = township.units['综合行政执法队'].id;
      for (let n = 0; n < 6; n++)
        await fixtures.task(township.org.id, {
          deadline: n < index ? `${year}-01-15` : `${year + 1}-06-30`,
          planYear: year,
          status: n < 5 - index ? 'completed' : 'in_progress',
          title: `${township.org.name.slice(3, 6)}整改事项${n + 1}`,
          unitId,
        });
    }
  });

  for (const viewport of [DESKTOP, PHONE])
    it(`lets a county leader open the overview, see the chart and drill into a township (${viewport.width} px)`, async () => {
      const page = await web.browser.newPage({ viewport });
      const problems = watchPage(page);
      await signIn(page, web.baseUrl, tree.county.users.leader.username);
      await page.getByRole('link', { name: '上级督导' }).click();
      await page.getByRole('heading', { name: '上级督导' }).waitFor();
      await page.locator('.county-chart[data-rendered="true"] svg').waitFor({ timeout: 30_000 });
      const bars = await page.locator('.county-chart svg path').count();
      expect(bars).toBeGreaterThan(5);
      const ranking = page.locator('.county-ranking tbody tr');
      expect(await ranking.count()).toBe(5);
      await expect(ranking.first().innerText()).resolves.toContain(tree.townships[0].org.name);
      await page.getByRole('heading', { name: '红榜（完成率居前）' }).waitFor();
      await page.getByRole('heading', { name: '月度通报' }).waitFor();
      await screenshot(page, 'county-overview');

      const late = tree.townships[4];
      await page.locator('.county-ranking').getByRole('link', { name: late.org.name }).click();
      await page.getByRole('heading', { name: `${late.org.name}整改台账` }).waitFor();
      const rows = page.locator('.ledger tbody tr');
      expect(await rows.count()).toBe(6);
      await expect(page.locator('.ledger').innerText()).resolves.toContain('综合行政执法队');
      expect(await page.locator('.ledger tbody.group').count()).toBe(6);
      await screenshot(page, 'county-township-ledger');

      // The township's 台账 as the 督查室 takes it on a visit: the Excel and the printed page, titled for the township.
      const title = `${late.org.name}${year}年度法治政府建设问题整改台账`;
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      const excel = await download;
      expect(excel.suggestedFilename()).toBe(`${late.org.name}整改台账.xlsx`);
      const workbook = await new ExcelJS.Workbook().xlsx.readFile((await excel.path())!);
      expect(workbook.getWorksheet('整改台账')!.getCell('A1').value).toBe(title);
      await page.getByRole('link', { name: '打印台账' }).click();
      await page.locator('h1.print-title').waitFor();
      expect(await page.locator('nav a[aria-current="page"]').innerText()).toBe('上级督导');
      expect(await page.locator('h1.print-title').innerText()).toBe(title);
      await expect(page.locator('.print-meta').innerText()).resolves.toContain(`填报单位：${late.org.name}`);
      expect(await page.locator('table.print-ledger tbody tr').count()).toBe(6);
      // Named from the township's directory: the county's own has neither its units nor its people.
      await expect(page.locator('table.print-ledger').innerText()).resolves.toContain('综合行政执法队');
      expect(await sidewaysScroll(page)).toBe(0);
      await screenshot(page, 'county-township-print');
      await page.getByRole('link', { name: '返回整改台账' }).click();
      await page.getByRole('heading', { name: `${late.org.name}整改台账` }).waitFor();
      await rows.first().getByRole('link').click();
      await page.locator('.task-title, h1').first().waitFor();
      await page.getByText('综合行政执法队').first().waitFor();
      await expect(page.getByRole('button', { name: '报送进展' }).count()).resolves.toBe(0);
      // A township's task sits under 上级督导, where the county came from, not under its own 整改台账.
      await page.locator(CURRENT_NAV).filter({ hasText: '上级督导' }).waitFor({ timeout: 5_000 });
      expect(await page.locator(CURRENT_NAV).allInnerTexts()).toEqual(['上级督导']);
      await screenshot(page, 'county-township-task');
      expect(problems).toEqual([]);
      await page.close();
    });

  describe('a township with a report of its own', () => {
    let reportTree: CountyTree;
    let reported: ImportedTask[];

    beforeAll(async () => {
      reportTree = await countyWithTownships(web.app, 1);
      const fixtures = Fixtures.of(web.app);
      const [township] = reportTree.townships;
      reported = await fixtures.importReport(township.org.id, TOWNSHIP_REPORT, `${year + 1}-06-30`);
      await fixtures.task(township.org.id, {
        deadline: `${year + 1}-06-30`,
        planYear: year,
        title: '不出自报告的整改事项',
      });
    });

    for (const viewport of [DESKTOP, PHONE])
      it(`lets the county filter the township’s 台账 by the township’s report and open its task under 上级督导 (${viewport.width} px)`, async () => {
        const page = await web.browser.newPage({ viewport });
        const problems = watchPage(page);
        const [township] = reportTree.townships;
        await signIn(page, web.baseUrl, reportTree.county.users.leader.username);
        await page.goto(`${web.baseUrl}/#/county/org/${township.org.id}`);
        await page.getByRole('heading', { name: `${township.org.name}整改台账` }).waitFor();
        const count = page.locator('.ledger-count');
        await expect(count.innerText()).resolves.toContain(`${reported.length + 1} 项任务`);

        const source = page.getByLabel('来源报告');
        expect(await source.locator('option').allInnerTexts()).toEqual(['全部报告', TOWNSHIP_REPORT_TITLE]);
        await source.selectOption({ label: TOWNSHIP_REPORT_TITLE });
        await page.getByRole('button', { name: '查询' }).click();
        await page.waitForURL(/reportId=/);
        await page.getByText(`${reported.length} 项任务`).waitFor();
        await expect(page.locator('.ledger').innerText()).resolves.not.toContain('不出自报告的整改事项');
        expect(await page.getByLabel('来源报告').inputValue()).not.toBe('');
        expect(await sidewaysScroll(page)).toBe(0);
        await screenshot(page, 'county-township-ledger-by-report');

        await page.locator('.ledger tbody tr').first().getByRole('link').first().click();
        await page.locator('h1.task-title').waitFor();
        await page.locator(CURRENT_NAV).filter({ hasText: '上级督导' }).waitFor({ timeout: 5_000 });
        expect(await page.locator(CURRENT_NAV).allInnerTexts()).toEqual(['上级督导']);
        await screenshot(page, 'county-township-report-task');
        // The county's own ledger is 整改台账 again.
        await page.getByRole('link', { name: '整改台账' }).click();
        await page.getByRole('heading', { name: '整改台账' }).waitFor();
        expect(await page.locator(CURRENT_NAV).allInnerTexts()).toEqual(['整改台账']);
        expect(problems).toEqual([]);
        await page.close();
      });
  });

  it('shows a county viewer the overview without the 月度通报, which the permission table keeps to leaders', async () => {
    const page = await web.browser.newPage();
    await signIn(page, web.baseUrl, tree.county.users.viewer.username);
    await page.getByRole('link', { name: '上级督导' }).click();
    await page.getByRole('heading', { name: '红榜（完成率居前）' }).waitFor();
    expect(await page.getByRole('heading', { name: '月度通报' }).count()).toBe(0);
    await page.close();
  });

  it('offers 上级督导 only to organizations with organizations below them', async () => {
    const page = await web.browser.newPage();
    // The menu offers 上级督导 once GET /organizations has answered, so the link is looked for after the page has read
    // that answer and rendered what follows from it (a render runs in microtasks, before the next timer). A fixed
    // 500 ms wait passed on a loaded machine with the link wrongly offered, the answer not having arrived yet.
    await page.addInitScript(ORGANIZATIONS_READ);
    await signIn(page, web.baseUrl, tree.townships[0].users.leader.username);
    await page.waitForFunction(() => 'organizationsRead' in globalThis);
    await page.evaluate(
      () => (globalThis as unknown as { organizationsRead: Promise<void> }).organizationsRead,
    );
    await page.getByRole('link', { name: '整改台账' }).waitFor();
    expect(await page.getByRole('link', { name: '上级督导' }).count()).toBe(0);
    await page.close();
  });
});
