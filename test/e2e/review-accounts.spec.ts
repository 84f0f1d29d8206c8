import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { describeInBrowser, DESKTOP, PHONE, screenshot, sidewaysScroll, signIn } from '../support/browser';
import { Fixtures, FIXTURE_PASSWORD, OrgWithUsers } from '../support/fixtures';

const REPORT = join(__dirname, '..', 'fixtures', 'reports', 'township-past-deadlines.txt');
type Role = 'admin' | 'leader' | 'staff' | 'viewer';

/** An API call made by the page with its own session, as the UI makes them. */
function apiGet(page: Page, path: string): Promise<{ status: number; body: any }> {
  return page.evaluate(
    `(async () => {
      const token = JSON.parse(sessionStorage.getItem('rectify.session')).accessToken;
      const response = await fetch('/api/v1${path}', { headers: { authorization: 'Bearer ' + token } });
      return { status: response.status, body: await response.json() };
    })()`,
  );
}

describeInBrowser('import review and accounts in a real browser', 'api', (web) => {
  let org: OrgWithUsers;

  beforeAll(async () => {
    org = await Fixtures.of(web.app).organization();
  }, 60_000);

  async function signedIn(role: Role, viewport = DESKTOP, password = FIXTURE_PASSWORD) {
    const context = await web.browser.newContext({ viewport, locale: 'zh-CN', isMobile: viewport === PHONE });
    const page = await context.newPage();
    await signIn(page, web.baseUrl, org.users[role].username, password);
    return { context, page };
  }

  const items = (page: Page) => page.locator('.item');

  it('reviews an import: past deadlines flagged, causes off and kept off, bulk assignment, measures linked to problems', async () => {
    const { context, page } = await signedIn('admin');
    await page.goto(`${web.baseUrl}/#/admin/settings`);
    await page.getByLabel('默认完成时限（月-日）').fill('06-30');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    await screenshot(page, '20-admin-settings');

    await page.goto(`${web.baseUrl}/#/import`);
    await page.getByLabel(/报告文件/).setInputFiles(REPORT);
    await page.getByRole('button', { name: '上传并解析' }).click();
    await page.locator('#confirm-items').waitFor();
    expect(await items(page).count()).toBe(6);

    // Causes start unchecked; the rest are kept.
    const causes = page.locator('.item[data-kind="cause"]');
    expect(await causes.count()).toBe(2);
    for (const cause of await causes.all()) {
      await expect(cause.getByLabel(/保留/).isChecked()).resolves.toBe(false);
      await expect(cause.getAttribute('class')).resolves.toContain('dropped');
    }
    expect(await page.locator('.item[data-kind="problem"] input[name="keep"]:checked').count()).toBe(2);

    // The 2020 deadline is flagged and replaced by the organization's default day, not in the past.
    const today = String(await page.evaluate('new Date().toLocaleDateString("sv")'));
    const training = page.locator('.item[data-kind="measure"]').first();
    await expect(training.locator('.warn').innerText()).resolves.toMatch(/2020-12-31 已过.*\d{4}-06-30/);
    for (const input of await page.locator('input[name="deadline"]').all())
      expect((await input.inputValue()) >= today).toBe(true);

    // Each measure comes linked to the problem it answers; the link can be changed.
    const measures = page.locator('.item[data-kind="measure"]');
    const linked = async (index: number) =>
      measures.nth(index).locator('select[name="problemItemId"] option:checked').innerText();
    await expect(linked(0)).resolves.toMatch(/^问题1：执法人员业务水平/);
    await expect(linked(1)).resolves.toMatch(/^问题2：普法宣传形式/);
    await measures.nth(1).getByLabel('针对的问题').selectOption({ index: 1 });
    await expect(linked(1)).resolves.toMatch(/^问题1：/);

    // Select all, give everything one unit, leader and deadline; the past-deadline warning goes with it.
    await page.getByLabel('全选').check();
    await page.getByLabel('统一责任单位').selectOption({ label: '司法所' });
    await page.getByLabel('统一责任领导').selectOption({ label: org.users.leader.displayName });
    await page.getByLabel('统一完成时限').fill('2099-03-31');
    await screenshot(page, '21-import-review-bulk');
    await page.getByRole('button', { name: /应用到选中的 6 条/ }).click();
    for (const select of await page.locator('select[name="unitId"]').all())
      await expect(select.locator('option:checked').innerText()).resolves.toBe('司法所');
    for (const input of await page.locator('input[name="deadline"]').all())
      await expect(input.inputValue()).resolves.toBe('2099-03-31');
    expect(await page.locator('.warn').count()).toBe(0);

    // Choices survive a reload while reviewing: causes stay off, the bulk values and the changed link stay.
    await page.reload();
    await page.locator('#confirm-items').waitFor();
    for (const cause of await causes.all())
      await expect(cause.getByLabel(/保留/).isChecked()).resolves.toBe(false);
    await expect(page.locator('input[name="deadline"]').first().inputValue()).resolves.toBe('2099-03-31');
    await expect(linked(1)).resolves.toMatch(/^问题1：/);
    await screenshot(page, '04-import-review');

    const reportId = page.url().split('/').pop()!;
    await page.locator('#confirm-items').click();
    await page.getByRole('heading', { name: '整改台账' }).waitFor();
    const report = await apiGet(page, `/reports/${reportId}`);
    const taskOf = (kind: string) =>
      report.body.items
        .filter((entry: { kind: string }) => entry.kind === kind)
        .map((entry: any) => entry.taskId);
    expect(taskOf('cause')).toEqual([null, null]);
    const [firstProblemTask] = taskOf('problem');
    for (const measureTask of taskOf('measure')) {
      const task = await apiGet(page, `/tasks/${measureTask}`);
      expect(task.body).toMatchObject({ problemTaskId: firstProblemTask, deadline: '2099-03-31' });
      expect(task.body.leaderId).toBe(org.users.leader.id);
    }
    await context.close();
  });

  it('shows the import review without sideways scrolling on a phone', async () => {
    const { context, page } = await signedIn('admin', PHONE);
    await page.goto(`${web.baseUrl}/#/import`);
    await page.getByLabel(/报告文件/).setInputFiles({
      name: '另一份.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(readFileSync(REPORT, 'utf8').replace('青山镇', '绿水镇')),
    });
    await page.getByRole('button', { name: '上传并解析' }).click();
    await page.locator('#confirm-items').waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    await screenshot(page, '04-import-review');
    await context.close();
  });

  it('changes the own password from the account page, with the server’s reasons shown in Chinese', async () => {
    const { context, page } = await signedIn('staff');
    await page.getByRole('link', { name: new RegExp(org.users.staff.displayName) }).click();
    await page.getByRole('heading', { name: '我的账号' }).waitFor();
    const form = page.locator('form', { has: page.getByRole('heading', { name: '修改密码' }) });
    const submit = async (current: string, next: string) => {
      await form.getByLabel('当前密码').fill(current);
      await form.getByLabel('新密码', { exact: true }).fill(next);
      await form.getByLabel('再次输入新密码').fill(next);
      await form.getByRole('button', { name: '修改密码' }).click();
    };
    await submit('not-my-password', 'Qingshan-river-2031');
    await form.getByRole('alert').filter({ hasText: '当前密码不正确' }).waitFor();
    await submit(FIXTURE_PASSWORD, '12345678');
    await form
      .getByRole('alert')
      .filter({ hasText: /^密码过于简单：/ })
      .waitFor();
    await screenshot(page, '22-account');
    await submit(FIXTURE_PASSWORD, 'Qingshan-river-2031');
    await page.getByText('密码已修改').waitFor();
    expect(await form.getByRole('alert').count()).toBe(0);
    // The session goes on with the new tokens, and the new password signs in.
    expect((await apiGet(page, '/auth/me')).status).toBe(200);
    await context.close();
    const again = await signedIn('staff', PHONE, 'Qingshan-river-2031');
    await again.page.goto(`${web.baseUrl}/#/account`);
    await again.page.getByRole('heading', { name: '修改密码' }).waitFor();
    expect(await sidewaysScroll(again.page)).toBe(0);
    await screenshot(again.page, '22-account');
    await again.context.close();
  });

  it('lets an administrator edit a user and reset their password, which ends that user’s session', async () => {
    const viewer = await signedIn('viewer');
    expect((await apiGet(viewer.page, '/auth/me')).status).toBe(200);
    const { context, page } = await signedIn('admin');
    await page.goto(`${web.baseUrl}/#/admin/users`);
    await page.getByRole('button', { name: `编辑 ${org.users.viewer.displayName}` }).click();
    const edit = page.locator('.user-edit');
    await edit.getByLabel('姓名').fill('赵监督员');
    await edit.getByLabel('所属责任单位').selectOption({ label: '党政办' });
    await edit.getByLabel('手机号').fill('13800001234');
    await edit.getByLabel('电子邮箱').fill('zhao@example.test');
    await screenshot(page, '16-admin-users-edit');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存 赵监督员 的信息').waitFor();
    const row = page.getByRole('row', { name: /赵监督员/ });
    await expect(row.innerText()).resolves.toContain('党政办');
    const saved = await apiGet(page, `/users/${org.users.viewer.id}`);
    expect(saved.body).toMatchObject({
      displayName: '赵监督员',
      phone: '13800001234',
      email: 'zhao@example.test',
    });
    // Changing only what the user is called keeps their session.
    expect((await apiGet(viewer.page, '/auth/me')).status).toBe(200);

    await page.getByRole('button', { name: '编辑 赵监督员' }).click();
    await edit.getByLabel('新密码').fill('password');
    await edit.getByRole('button', { name: '重置密码' }).click();
    await edit
      .getByRole('alert')
      .filter({ hasText: /^密码过于简单/ })
      .waitFor();
    await edit.getByLabel('新密码').fill('Lvshui-bridge-2042');
    await edit.getByRole('button', { name: '重置密码' }).click();
    await page.getByText('已重置 赵监督员 的密码').waitFor();
    expect((await apiGet(viewer.page, '/auth/me')).status).toBe(401);
    await viewer.context.close();
    const renewed = await signedIn('viewer', DESKTOP, 'Lvshui-bridge-2042');
    await renewed.context.close();
    await context.close();
  });

  it('shows the users page with the edit form on a phone without sideways scrolling', async () => {
    const { context, page } = await signedIn('admin', PHONE);
    await page.goto(`${web.baseUrl}/#/admin/users`);
    await page.getByRole('button', { name: `编辑 ${org.users.leader.displayName}` }).click();
    await page.locator('.user-edit').waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    await screenshot(page, '16-admin-users-edit');
    await context.close();
  });
});
