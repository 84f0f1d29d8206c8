import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { createOrgWithUsers, FIXTURE_PASSWORD, OrgWithUsers } from '../support/fixtures';
import { RobotReceiver } from '../support/robot-receivers';
import { TestApp, testRuntime } from '../support/test-app';
import { robotEnv } from '../integration/robots/robot-fixtures';

jest.setTimeout(180_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];
const SHOTS = join(process.cwd(), 'test-output', 'screenshots');
const SECRET = 'SECui0123456789abcdefui';
const skip = process.env.SKIP_BROWSER_TESTS === '1';

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SHOTS, `${name}-${page.viewportSize()?.width}.png`), fullPage: true });
}

(skip ? describe.skip : describe)('group robots on the units page, in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let fixture: OrgWithUsers;
  let ding: RobotReceiver;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ding = await RobotReceiver.start('dingtalk', { secret: SECRET });
    app = await TestApp.start(testRuntime('api', robotEnv({ ROBOT_ALLOW_ANY_HOST: 'false' })));
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
    await ding?.close();
  });

  const signIn = async (width: number, height: number) => {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    await page.goto(`${baseUrl}/#/login`);
    await page.getByLabel('用户名').fill(fixture.users.admin.username);
    await page.getByLabel('密码').fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /^你好/ }).waitFor();
    await page.goto(`${baseUrl}/#/admin/units`);
    await page.getByRole('heading', { name: '责任单位管理' }).waitFor();
    return { page, problems };
  };

  it('configures a DingTalk robot for a unit, keeps the secret write-only and shows the test answer in Chinese', async () => {
    const { page, problems } = await signIn(1366, 900);
    await page.getByRole('button', { name: '设置 司法所 的群机器人' }).click();
    const editor = page.getByRole('region', { name: '司法所 · 群机器人' });
    await editor.getByRole('button', { name: '添加机器人' }).click();
    await editor.getByLabel('类型').selectOption('dingtalk');
    await editor.getByLabel('Webhook 地址').fill(ding.url);
    await editor.getByLabel('签名密钥').fill(SECRET);
    await editor.getByRole('button', { name: '保存机器人设置' }).click();
    await editor.locator('input[placeholder="已保存，留空则不变"]').waitFor();
    expect(await editor.getByLabel('签名密钥').inputValue()).toBe('');
    await page.getByRole('cell', { name: '钉钉（加签）' }).waitFor();
    expect(await page.content()).not.toContain(SECRET);

    await editor.getByRole('button', { name: '发送测试消息' }).click();
    await editor.getByText('钉钉机器人已收到测试消息，请到群里查看').waitFor();
    expect(ding.accepted).toHaveLength(1);
    await shot(page, 'robots-units');

    // A wrong secret: the vendor's refusal, explained in Chinese with its code.
    await editor.getByLabel('签名密钥').fill('SECa-wrong-secret');
    await editor.getByRole('button', { name: '保存机器人设置' }).click();
    // The test button comes back once the save has landed (unsaved edits disable it); the table already showed the robot.
    await editor.locator('input[placeholder="已保存，留空则不变"]').waitFor();
    await editor.locator('button:not([disabled])', { hasText: '发送测试消息' }).waitFor();
    await editor.getByRole('button', { name: '发送测试消息' }).click();
    await editor.getByText(/签名不匹配.*错误码 310000/).waitFor();
    await shot(page, 'robots-units-refused');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lays out the robot editor and the leaders’ group on a phone without sideways scrolling', async () => {
    const { page, problems } = await signIn(375, 740);
    await page.getByRole('button', { name: '设置 司法所 的群机器人' }).click();
    await page.getByRole('region', { name: '司法所 · 群机器人' }).getByText('机器人 1').waitFor();
    await page.getByRole('region', { name: '领导班子群机器人' }).waitFor();
    const sideways = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(sideways).toBeLessThanOrEqual(0);
    await shot(page, 'robots-units');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('takes a new user’s mobile number on the users page, stored as its 11 digits for robot mentions', async () => {
    const { page, problems } = await signIn(1366, 900);
    await page.goto(`${baseUrl}/#/admin/users`);
    const form = page.locator('form', { has: page.getByRole('heading', { name: '新增用户' }) });
    await form.getByLabel('登录名').fill('robot-phone-user');
    await form.getByLabel('姓名').fill('赵六');
    await form.getByLabel('初始密码（至少 8 位）').fill('Zhao-liu-2026-strong');
    await form.getByLabel('手机号').fill('+86 139-0000-1234');
    await form.getByRole('button', { name: '新增用户' }).click();
    await page.getByRole('rowheader', { name: '赵六' }).waitFor();
    const users = await app.get('/api/v1/users', { token: fixture.users.admin.token });
    expect(users.body.find((user: { username: string }) => user.username === 'robot-phone-user').phone).toBe(
      '13900001234',
    );
    await shot(page, 'robots-users');
    expect(problems).toEqual([]);
    await page.close();
  });
});
