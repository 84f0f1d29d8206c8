import { Page } from 'playwright-core';
import { describeInBrowser, screenshot, signIn } from '../support/browser';
import { playYear, PlayedYear } from '../integration/rollup/year-play';

/** The 工作纪实 page and the draft page (as of a date, 年度结转, 定稿) after a year of work, in a real browser. */
describeInBrowser('工作纪实 and the year-end draft pages in a real browser', 'api', (web) => {
  let year: PlayedYear;

  beforeAll(async () => {
    year = await playYear(web.app);
  });

  async function leaderPage(width: number): Promise<Page> {
    const page = await web.browser.newPage({ viewport: { width, height: 900 } });
    await signIn(page, web.baseUrl, year.org.users.leader.username);
    return page;
  }

  it('lists the year’s entries by month and category, and records a new one linked to a task', async () => {
    const inMarch = year.entries.filter((entry) => entry.date.startsWith('2025-03-'));
    const notInMarch = year.entries.filter((entry) => !inMarch.includes(entry));
    expect(inMarch).not.toHaveLength(0);
    for (const width of [1366, 375]) {
      const page = await leaderPage(width);
      await page.goto(`${web.baseUrl}/#/worklog?year=2025&month=3`);
      for (const entry of inMarch) await page.getByText(entry.text, { exact: true }).waitFor();
      for (const entry of notInMarch) expect(await page.getByText(entry.text).count()).toBe(0);
      await screenshot(page, 'worklog-march');
      await page.close();
    }
    const page = await leaderPage(1366);
    await page.goto(`${web.baseUrl}/#/tasks/${year.overdue}`);
    await page.getByRole('link', { name: '记入工作纪实' }).click();
    await page.getByRole('heading', { name: /记一笔/ }).waitFor();
    await page.getByLabel('类别').last().selectOption({ label: '严格规范公正文明执法' });
    await page.getByLabel('内容').fill('组织执法人员跟班学习2期，稳定执法队伍');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('组织执法人员跟班学习2期，稳定执法队伍').waitFor();
    await page.getByRole('button', { name: '入报告' }).first().click();
    await page.getByText('已写入报告草稿').waitFor();
    await page.close();
  }, 180_000);

  it('shows the draft as of 31 December with the year-end carry-over, and carries a task over', async () => {
    for (const width of [1366, 375]) {
      const page = await leaderPage(width);
      await page.goto(`${web.baseUrl}/#/draft/2025?asOf=2025-12-31`);
      await page.getByText('截至 2025-12-31').waitFor();
      await page.getByText('经批准延期至2025年12月20日，按期完成').waitFor();
      await screenshot(page, 'draft-2025-as-of');
      await page.close();
    }
    const page = await leaderPage(1366);
    await page.goto(`${web.baseUrl}/#/draft/2025?asOf=2025-12-31`);
    await page.getByText(/年度结转/).click();
    const form = page.getByRole('form', { name: /结转：基层执法人员不稳定/ });
    await form.getByLabel('未完成原因').fill('执法人员借调频繁，队伍未能稳定');
    await form.getByLabel('下一步措施').fill('落实执法人员专编专用');
    await form.getByRole('button', { name: '结转' }).click();
    await page.getByText('已结转到下一年度').waitFor();
    await page
      .getByText(/执法人员借调频繁，队伍未能稳定/)
      .first()
      .waitFor();
    await screenshot(page, 'draft-2025-carried');
    await page.close();
  }, 180_000);
});
