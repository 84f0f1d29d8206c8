import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { todayIn } from '../../src/common/calendar';
import { countyWithTownships, CountyTree } from '../integration/county/county-fixtures';
import { Fixtures, FIXTURE_PASSWORD } from '../support/fixtures';
import { TestApp, testRuntime } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];
const SHOTS = join(process.cwd(), 'test-output', 'screenshots');
const skip = process.env.SKIP_BROWSER_TESTS === '1';
const year = Number(todayIn('Asia/Shanghai').slice(0, 4));

/** Script errors, failed requests and CSP violations while the page is used. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on(
    'response',
    (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`),
  );
  return problems;
}

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

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SHOTS, `${name}-${page.viewportSize()?.width}.png`), fullPage: true });
}

(skip ? describe.skip : describe)('上级督导 pages in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let tree: CountyTree;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    tree = await countyWithTownships(app, 5);
    const fixtures = Fixtures.of(app);
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
    mkdirSync(SHOTS, { recursive: true });
    if (!existsSync(CHROMIUM))
      throw new Error(`找不到浏览器 ${CHROMIUM}（或设置 SKIP_BROWSER_TESTS=1 跳过浏览器测试）`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(page: Page, username: string) {
    await page.goto(`${baseUrl}/#/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /^你好/ }).waitFor();
  }

  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 375, height: 740 },
  ])
    it(`lets a county leader open the overview, see the chart and drill into a township (${viewport.width} px)`, async () => {
      const page = await browser.newPage({ viewport });
      const problems = watch(page);
      await signIn(page, tree.county.users.leader.username);
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
      await shot(page, 'county-overview');

      const late = tree.townships[4];
      await page.locator('.county-ranking').getByRole('link', { name: late.org.name }).click();
      await page.getByRole('heading', { name: `${late.org.name}整改台账` }).waitFor();
      const rows = page.locator('.ledger tbody tr');
      expect(await rows.count()).toBe(6);
      await expect(page.locator('.ledger').innerText()).resolves.toContain('综合行政执法队');
      await shot(page, 'county-township-ledger');
      await rows.first().getByRole('link').click();
      await page.locator('.task-title, h1').first().waitFor();
      await page.getByText('综合行政执法队').first().waitFor();
      await expect(page.getByRole('button', { name: '报送进展' }).count()).resolves.toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    });

  it('shows a county viewer the overview without the 月度通报, which the permission table keeps to leaders', async () => {
    const page = await browser.newPage();
    await signIn(page, tree.county.users.viewer.username);
    await page.getByRole('link', { name: '上级督导' }).click();
    await page.getByRole('heading', { name: '红榜（完成率居前）' }).waitFor();
    expect(await page.getByRole('heading', { name: '月度通报' }).count()).toBe(0);
    await page.close();
  });

  it('offers 上级督导 only to organizations with organizations below them', async () => {
    const page = await browser.newPage();
    // The menu offers 上级督导 once GET /organizations has answered, so the link is looked for after the page has read
    // that answer and rendered what follows from it (a render runs in microtasks, before the next timer). A fixed
    // 500 ms wait passed on a loaded machine with the link wrongly offered, the answer not having arrived yet.
    await page.addInitScript(ORGANIZATIONS_READ);
    await signIn(page, tree.townships[0].users.leader.username);
    await page.waitForFunction(() => 'organizationsRead' in globalThis);
    await page.evaluate(
      () => (globalThis as unknown as { organizationsRead: Promise<void> }).organizationsRead,
    );
    await page.getByRole('link', { name: '整改台账' }).waitFor();
    expect(await page.getByRole('link', { name: '上级督导' }).count()).toBe(0);
    await page.close();
  });
});
