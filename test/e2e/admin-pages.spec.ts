import { describeInBrowser, signIn, watchPage } from '../support/browser';
import { createOrgWithUsers, OrgWithUsers } from '../support/fixtures';

/** Bull Board links a Google web font; the policy blocks it by design and the page falls back to local fonts. */
const BLOCKED_FONT = 'fonts.googleapis.com';

describeInBrowser('admin pages under the content security policy, in a real browser', 'api', (web) => {
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    fixture = await createOrgWithUsers(web.app);
  });

  it('renders Swagger UI at /api/docs without inline scripts', async () => {
    const page = await web.browser.newPage();
    const problems = watchPage(page, { ignoring: BLOCKED_FONT });
    await page.goto(`${web.baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the queue dashboard from the admin page with its session cookie, scripts and API calls included', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await signIn(page, web.baseUrl, fixture.users.admin.username);
    await page.goto(`${web.baseUrl}/#/admin/users`);
    const [dashboard] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: '打开队列面板' }).click(),
    ]);
    const problems = watchPage(dashboard, { ignoring: BLOCKED_FONT });
    await dashboard.waitForURL(`${web.baseUrl}/admin/queues`);
    // The queue list comes from /admin/queues/api/queues, fetched by the page's own scripts with the cookie.
    await dashboard.getByText('deliveries-webhook').first().waitFor({ timeout: 30_000 });
    await dashboard.getByText('reminders').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
