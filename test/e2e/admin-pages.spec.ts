import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { Browser, chromium, Page } from 'playwright-core';
import { createOrgWithUsers, FIXTURE_PASSWORD, OrgWithUsers } from '../support/fixtures';
import { TestApp, testRuntime } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];
const skip = process.env.SKIP_BROWSER_TESTS === '1';

/** Script errors, refused requests and CSP violations of a page, collected while it loads. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    // Bull Board links a Google web font; the policy blocks it by design and the page falls back to local fonts.
    if (message.type() === 'error' && !message.text().includes('fonts.googleapis.com'))
      problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

(skip ? describe.skip : describe)('admin pages under the content security policy, in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    fixture = await createOrgWithUsers(app);
    if (!existsSync(CHROMIUM))
      throw new Error(`找不到浏览器 ${CHROMIUM}（或设置 SKIP_BROWSER_TESTS=1 跳过浏览器测试）`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders Swagger UI at /api/docs without inline scripts', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the queue dashboard from the admin page with its session cookie, scripts and API calls included', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/login`);
    await page.getByLabel('用户名').fill(fixture.users.admin.username);
    await page.getByLabel('密码').fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /^你好/ }).waitFor();
    await page.goto(`${baseUrl}/#/admin/users`);
    const [dashboard] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: '打开队列面板' }).click(),
    ]);
    const problems = watch(dashboard);
    await dashboard.waitForURL(`${baseUrl}/admin/queues`);
    // The queue list comes from /admin/queues/api/queues, fetched by the page's own scripts with the cookie.
    await dashboard.getByText('deliveries-webhook').first().waitFor({ timeout: 30_000 });
    await dashboard.getByText('reminders').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
