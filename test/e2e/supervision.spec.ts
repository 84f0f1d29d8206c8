import { Page } from 'playwright-core';
import { addDays, todayIn } from '../../src/common/calendar';
import { describeInBrowser, DESKTOP, screenshotAtBothWidths, signIn } from '../support/browser';
import { FixtureUser, Fixtures, OrgWithUsers } from '../support/fixtures';
import { waitFor } from '../support/wait-for';
import { multipart } from '../integration/ledger/ledger-fixtures';

/** A 1×1 PNG: enough for the browser to decode and show. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describeInBrowser('督办 loop in a real browser', { mode: 'all', env: { OUTBOX_POLL_MS: '100' } }, (web) => {
  let org: OrgWithUsers;
  let reviewTask: string;
  let lateTask: string;
  let colleague: FixtureUser;

  beforeAll(async () => {
    org = await Fixtures.of(web.app).organization();
    const today = todayIn('Asia/Shanghai');
    const seed = (title: string, deadline: string) =>
      Fixtures.of(web.app).task(org.org.id, {
        title,
        deadline,
        leaderId: org.users.leader.id,
        unitId: org.users.staff.unitId,
        assigneeId: org.users.staff.id,
      });
    colleague = await Fixtures.of(web.app).user(org.org.id, 'staff', {
      unitId: org.users.staff.unitId,
      displayName: '周同事',
    });
    reviewTask = await seed('规范行政执法案卷管理', addDays(today, 20));
    lateTask = await seed('完善公共法律服务站点建设', addDays(today, -5));
    const { body, headers } = multipart('现场照片.png', PNG, 'image/png');
    const uploaded = await web.app.post(`/api/v1/tasks/${reviewTask}/evidence`, body, {
      token: org.users.staff.token,
      headers,
    });
    expect(uploaded.status).toBe(201);
  }, 60_000);

  async function login(page: Page, role: 'leader' | 'staff'): Promise<void> {
    await signIn(page, web.baseUrl, org.users[role].username);
  }

  async function logout(page: Page): Promise<void> {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('heading', { name: '登录整改事项跟踪系统' }).waitFor();
  }

  async function openTask(page: Page, id: string): Promise<void> {
    await page.goto(`${web.baseUrl}/#/tasks/${id}`);
    await page.locator('h1.task-title').waitFor();
  }

  async function submitForReview(page: Page, outcome: string): Promise<void> {
    await page.getByLabel('本次报送').selectOption('pending_review');
    await page.getByLabel('进度（%）').fill('100');
    await page.getByLabel('进展说明').fill('已完成，申请销号');
    await page.getByLabel(/^整改成效/).fill(outcome);
    await page.getByRole('button', { name: '提交，申请销号' }).click();
    await page.locator('.facts .status', { hasText: '待核验' }).waitFor();
  }

  const unreadTitles = async (token: string): Promise<string[]> =>
    (await web.app.get('/api/v1/notifications?pageSize=50', { token })).body.items.map(
      (item: { title: string; body: string }) => `${item.title}｜${item.body}`,
    );

  it('staff submits, the leader reviews with the evidence in view, sends back, approves; 催办 and an extension decision', async () => {
    const context = await web.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);

    await login(page, 'staff');
    await openTask(page, reviewTask);
    await submitForReview(page, '已完成全部案卷评查，合格率100%');
    await logout(page);

    await login(page, 'leader');
    const queue = page.locator('section.card', { has: page.getByRole('heading', { name: /^待我核验/ }) });
    await queue.getByRole('link', { name: '规范行政执法案卷管理' }).waitFor();
    await expect(page.locator('.nav-count').first().innerText()).resolves.toMatch(/^\d+$/);
    await screenshotAtBothWidths(page, 'loop-dashboard-leader');

    await queue.getByRole('link', { name: '规范行政执法案卷管理' }).click();
    await page.locator('.outcome', { hasText: '合格率100%' }).waitFor();
    await page.getByRole('button', { name: '预览' }).click();
    await page.locator('.evidence-preview img').waitFor();
    expect(
      await page
        .locator('.evidence-preview img')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(1);
    await screenshotAtBothWidths(page, 'loop-task-leader-review');
    await page.getByRole('button', { name: '退回整改' }).click();
    await page.getByRole('alert').filter({ hasText: '退回整改须填写退回理由' }).waitFor();
    await page.getByLabel('核验意见').fill('请补充培训签到表');
    await page.getByRole('button', { name: '退回整改' }).click();
    await page.locator('.facts .status', { hasText: '整改中' }).waitFor();
    await logout(page);

    // The reason reaches the staff member.
    await waitFor(async () =>
      (await unreadTitles(org.users.staff.token)).some((t) => t.includes('请补充培训签到表')),
    );
    await login(page, 'staff');
    await page.goto(`${web.baseUrl}/#/notifications`);
    await page
      .getByText(/退回理由：请补充培训签到表/)
      .first()
      .waitFor();
    await openTask(page, reviewTask);
    await submitForReview(page, '已补充培训签到表，合格率100%');
    await logout(page);

    await login(page, 'leader');
    await openTask(page, reviewTask);
    await page.getByRole('button', { name: '核验通过' }).click();
    await page.locator('.facts .status', { hasText: '已销号' }).waitFor();
    await waitFor(async () =>
      (await unreadTitles(org.users.staff.token)).some((t) => t.startsWith('整改任务已销号')),
    );

    // 催办 a late task, then reassign it to a colleague of the same unit with a reason.
    await openTask(page, lateTask);
    await page.locator('summary', { hasText: /^催办/ }).click();
    await page.getByLabel('催办要求（可选）').fill('请三日内报送进展');
    await page.getByRole('button', { name: '催办', exact: true }).click();
    await page.locator('.timeline', { hasText: '请三日内报送进展' }).waitFor();
    await screenshotAtBothWidths(page, 'loop-task-leader-urged');
    await page.locator('summary', { hasText: /^催办/ }).click();
    await page.getByRole('button', { name: '催办', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '今天已催办过' }).waitFor();
    await waitFor(async () =>
      (await unreadTitles(org.users.staff.token)).some((t) => t.includes('请三日内报送进展')),
    );

    await openTask(page, lateTask);
    await page.locator('summary', { hasText: /^调整任务/ }).click();
    await page.getByLabel('责任人').selectOption({ label: '周同事' });
    await page.getByRole('button', { name: '保存调整' }).click();
    await page.locator('.timeline', { hasText: '责任人：周同事' }).waitFor();
    await logout(page);

    // An extension request, decided with a comment that reaches the requester.
    const asked = await web.app.post(
      `/api/v1/tasks/${lateTask}/extensions`,
      { requestedDeadline: addDays(todayIn('Asia/Shanghai'), 30), reason: '需协调司法局' },
      { token: colleague.token },
    );
    expect(asked.status).toBe(201);
    await login(page, 'leader');
    await openTask(page, lateTask);
    await page.getByLabel('审批意见').fill('同意，请按期完成');
    await page.getByRole('button', { name: '同意延期' }).click();
    await page.locator('.timeline', { hasText: '同意，请按期完成' }).waitFor();
    await waitFor(async () =>
      (await unreadTitles(colleague.token)).some(
        (t) => t.startsWith('延期申请已同意') && t.includes('同意，请按期完成'),
      ),
    );
    await context.close();
  }, 400_000);
});
