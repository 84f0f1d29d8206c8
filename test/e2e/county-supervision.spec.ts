import { Page } from 'playwright-core';
import { addDays, todayIn } from '../../src/common/calendar';
import { countyWithTownships, CountyTree } from '../integration/county/county-fixtures';
import { describeInBrowser, DESKTOP, screenshotAtBothWidths, signIn, watchPage } from '../support/browser';
import { Fixtures } from '../support/fixtures';

const WAIT = { timeout: 30_000 };

const TITLE = '规范乡镇综合行政执法案卷管理';
const URGE = '请于本周五前报送案卷评查整改情况';
const REPLY = '已完成案卷评查，问题案卷3件已全部补正';

describeInBrowser(
  '县级督办 from the county overview to the township inbox, in a real browser',
  // With the worker, so the township's answer is delivered to the county leader's 消息 as it would be.
  { mode: 'all', env: { OUTBOX_POLL_MS: '100' } },
  (web) => {
    let tree: CountyTree;
    let taskId: string;

    beforeAll(async () => {
      tree = await countyWithTownships(web.app, 2);
      const township = tree.townships[1];
      const today = todayIn('Asia/Shanghai');
      taskId = await Fixtures.of(web.app).task(township.org.id, {
        title: TITLE,
        deadline: addDays(today, -3),
        planYear: Number(today.slice(0, 4)),
        leaderId: township.users.leader.id,
        unitId: township.users.staff.unitId,
        assigneeId: township.users.staff.id,
      });
    }, 120_000);

    async function newPage(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
      const context = await web.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return { page, problems: watchPage(page), close: () => context.close() };
    }

    const timeline = (page: Page, text: string) => page.locator('.timeline li', { hasText: text });

    it('the county leader drills into a township and 督办s its task; the township leader finds it in the inbox and answers; the county is told and reads the answer', async () => {
      const township = tree.townships[1];

      // The county leader: overview → township ledger → task → 县级督办 with a message.
      const county = await newPage();
      await signIn(county.page, web.baseUrl, tree.county.users.leader.username);
      await county.page.getByRole('link', { name: '上级督导' }).click();
      await county.page.locator('.county-ranking').getByRole('link', { name: township.org.name }).click();
      await county.page.getByRole('heading', { name: `${township.org.name}整改台账` }).waitFor(WAIT);
      await county.page.locator('.ledger').getByRole('link', { name: TITLE }).click();
      await county.page.locator('h1.task-title', { hasText: TITLE }).waitFor(WAIT);
      expect(county.page.url()).toContain(`#/tasks/${taskId}`);
      await county.page.locator('.crumbs').getByRole('link', { name: '台账（只读）' }).waitFor(WAIT);
      await county.page.locator('summary', { hasText: '县级督办' }).click();
      await county.page.getByLabel('督办要求（可选）').fill(URGE);
      await screenshotAtBothWidths(county.page, 'county-task-supervise-form');
      await county.page.getByRole('button', { name: '督办', exact: true }).click();
      await timeline(county.page, URGE).waitFor(WAIT);
      await expect(timeline(county.page, URGE).innerText()).resolves.toContain('县级督办');
      await expect(timeline(county.page, URGE).innerText()).resolves.toContain(
        tree.county.users.leader.displayName,
      );
      // Once a day: a second 督办 the same day is refused with the server's words.
      await county.page.locator('summary', { hasText: '县级督办' }).click();
      await county.page.getByRole('button', { name: '督办', exact: true }).click();
      await county.page.getByRole('alert').filter({ hasText: '今天已督办过' }).waitFor(WAIT);
      // The refused second 督办 is the only failed request (the response and the browser's console line for it).
      expect(county.problems.filter((problem) => !problem.includes('429'))).toEqual([]);
      expect(county.problems.some((problem) => problem.startsWith('429 ') && problem.endsWith('/urge'))).toBe(
        true,
      );
      // Leaving the task leaves its error behind: the overview does not open under it.
      await county.page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '上级督导' })
        .click();
      await county.page.locator('.county-ranking').waitFor(WAIT);
      expect(await county.page.getByRole('alert').count()).toBe(0);

      // The township leader presses the staff in turn (a 催办 of their own, after the county's 督办).
      const leaderUrge = await web.app.post(
        `/api/v1/tasks/${taskId}/urge`,
        { message: '请配合县级督办，尽快补正案卷' },
        { token: township.users.leader.token },
      );
      expect(leaderUrge.status).toBe(201);

      // The township leader, in a browser of their own: the 督办 waits in the dashboard inbox (their 催办 does not).
      const leader = await newPage();
      await signIn(leader.page, web.baseUrl, township.users.leader.username);
      const pressed = leader.page.locator('section.card', {
        has: leader.page.getByRole('heading', { name: /^待答复催办、督办/ }),
      });
      await pressed.getByRole('link', { name: TITLE }).waitFor(WAIT);
      await expect(pressed.locator('h2 .count').innerText()).resolves.toBe('1');
      // The 工作台 link counts what waits on the leader: the late task, and the 督办 to answer.
      const waiting = leader.page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '工作台' })
        .locator('.nav-count');
      await waiting.filter({ hasText: /^2$/ }).waitFor(WAIT);
      await screenshotAtBothWidths(leader.page, 'township-dashboard-pressed');

      await pressed.getByRole('link', { name: TITLE }).click();
      await leader.page.locator('h1.task-title', { hasText: TITLE }).waitFor(WAIT);
      // The county's leader is not in the township's directory: the line names the 上级机关, not 未知人员.
      await expect(timeline(leader.page, URGE).innerText()).resolves.toMatch(/县级督办\s*·?\s*上级机关/);
      await leader.page.locator('summary', { hasText: '答复县级督办' }).click();
      await leader.page.locator('.quote', { hasText: `县级督办要求：${URGE}` }).waitFor(WAIT);
      await leader.page.getByLabel('办理情况').fill(REPLY);
      await screenshotAtBothWidths(leader.page, 'township-task-supervise-reply');
      await leader.page.getByRole('button', { name: '提交办理情况' }).click();
      await timeline(leader.page, REPLY).waitFor(WAIT);

      // Answered: the queue is empty again, and the count is the late task's alone.
      await leader.page.goto(`${web.baseUrl}/#/`);
      await leader.page.getByText('没有待答复的催办或督办').waitFor(WAIT);
      await waiting.filter({ hasText: /^1$/ }).waitFor(WAIT);
      expect(leader.problems).toEqual([]);
      await leader.close();

      // The answer reaches the county leader as a 督办答复 in 消息, which leads back to the task and its history.
      await county.page.goto(`${web.baseUrl}/#/notifications`);
      const answer = county.page.locator('article.notice', { hasText: '督办答复' });
      await answer.waitFor(WAIT);
      await expect(answer.innerText()).resolves.toContain(`您督办的任务「${TITLE}」已答复办理情况：${REPLY}`);
      await screenshotAtBothWidths(county.page, 'county-notice-supervise-answered');
      await answer.getByRole('link', { name: '查看任务' }).click();
      await county.page.locator('h1.task-title', { hasText: TITLE }).waitFor(WAIT);
      await timeline(county.page, REPLY).waitFor(WAIT);
      await expect(timeline(county.page, REPLY).innerText()).resolves.toContain('答复办理情况');
      await screenshotAtBothWidths(county.page, 'county-task-supervise-answered');
      await county.close();
    }, 400_000);
  },
);
