import { describeInBrowser, screenshot, sidewaysScroll, signIn } from '../support/browser';
import { createOrgWithUsers, OrgWithUsers } from '../support/fixtures';
import { RobotReceiver } from '../support/robot-receivers';
import { robotEnv } from '../integration/robots/robot-fixtures';

jest.setTimeout(180_000);

const SECRET = 'SECui0123456789abcdefui';

describeInBrowser(
  'group robots on the units page, in a real browser',
  { mode: 'api', env: robotEnv({ ROBOT_ALLOW_ANY_HOST: 'false' }) },
  (web) => {
    let fixture: OrgWithUsers;
    let ding: RobotReceiver;

    beforeAll(async () => {
      ding = await RobotReceiver.start('dingtalk', { secret: SECRET });
      fixture = await createOrgWithUsers(web.app);
    });

    afterAll(async () => {
      await ding?.close();
    });

    /** The units page, signed in as the administrator; `problems` collects the page's script errors. */
    const unitsPage = async (width: number, height: number) => {
      const page = await web.browser.newPage({ viewport: { width, height } });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
      await signIn(page, web.baseUrl, fixture.users.admin.username);
      await page.goto(`${web.baseUrl}/#/admin/units`);
      await page.getByRole('heading', { name: '责任单位管理' }).waitFor();
      return { page, problems };
    };

    it('configures a DingTalk robot for a unit, keeps the secret write-only and shows the test answer in Chinese', async () => {
      const { page, problems } = await unitsPage(1366, 900);
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
      await screenshot(page, 'robots-units');

      // A wrong secret: the vendor's refusal, explained in Chinese with its code.
      await editor.getByLabel('签名密钥').fill('SECa-wrong-secret');
      await editor.getByRole('button', { name: '保存机器人设置' }).click();
      // The test button comes back once the save has landed (unsaved edits disable it); the table already showed the robot.
      await editor.locator('input[placeholder="已保存，留空则不变"]').waitFor();
      await editor.locator('button:not([disabled])', { hasText: '发送测试消息' }).waitFor();
      await editor.getByRole('button', { name: '发送测试消息' }).click();
      await editor.getByText(/签名不匹配.*错误码 310000/).waitFor();
      await screenshot(page, 'robots-units-refused');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('lays out the robot editor and the leaders’ group on a phone without sideways scrolling', async () => {
      const { page, problems } = await unitsPage(375, 740);
      await page.getByRole('button', { name: '设置 司法所 的群机器人' }).click();
      await page.getByRole('region', { name: '司法所 · 群机器人' }).getByText('机器人 1').waitFor();
      await page.getByRole('region', { name: '领导班子群机器人' }).waitFor();
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'robots-units');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('takes a new user’s mobile number on the users page, stored as its 11 digits for robot mentions', async () => {
      const { page, problems } = await unitsPage(1366, 900);
      await page.goto(`${web.baseUrl}/#/admin/users`);
      const form = page.locator('form', { has: page.getByRole('heading', { name: '新增用户' }) });
      await form.getByLabel('登录名').fill('robot-phone-user');
      await form.getByLabel('姓名').fill('赵六');
      await form.getByLabel('初始密码（至少 8 位）').fill('Zhao-liu-2026-strong');
      await form.getByLabel('手机号').fill('+86 139-0000-1234');
      await form.getByRole('button', { name: '新增用户' }).click();
      await page.getByRole('rowheader', { name: '赵六' }).waitFor();
      const users = await web.app.get('/api/v1/users', { token: fixture.users.admin.token });
      expect(
        users.body.find((user: { username: string }) => user.username === 'robot-phone-user').phone,
      ).toBe('13900001234');
      await screenshot(page, 'robots-users');
      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
