import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { AppMode } from '../../src/config/app-config';
import { FIXTURE_PASSWORD } from './fixtures';
import { TestApp, testRuntime } from './test-app';

/** Debian's Chromium, driven through playwright-core (which brings no browser of its own). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Headless and quiet: no sandbox (containers), no GPU, and no calls home that could slow a page down. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** `<name>-<viewport width>.png`, looked at by people and by tooling after a run. */
const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 375, height: 740 };

/** The app served over real HTTP on a loopback port, and a Chromium to open it in. */
export interface AppInBrowser {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
}

/**
 * `describe` for the specs that need Chromium (SKIP_BROWSER_TESTS=1 skips them on a machine without one). Before the
 * block's tests it starts the app in a mode (with `env` over the test runtime), serves it on a free loopback port and
 * launches Chromium; after them it closes both. `web`'s fields are set by the time the block's own hooks run.
 */
export function describeInBrowser(
  title: string,
  runtime: AppMode | { mode: AppMode; env: Record<string, string> },
  body: (web: AppInBrowser) => void,
): void {
  const { mode, env } = typeof runtime === 'string' ? { mode: runtime, env: {} } : runtime;
  (process.env.SKIP_BROWSER_TESTS === '1' ? describe.skip : describe)(title, () => {
    const web = {} as AppInBrowser;
    beforeAll(async () => {
      if (!existsSync(CHROMIUM))
        throw new Error(
          `找不到浏览器 ${CHROMIUM}：请先 apt-get install -y chromium fonts-noto-cjk（或设置 SKIP_BROWSER_TESTS=1 跳过浏览器测试）`,
        );
      web.app = await TestApp.start(testRuntime(mode, env));
      await web.app.app.listen(0, '127.0.0.1');
      web.baseUrl = `http://127.0.0.1:${(web.app.app.getHttpServer().address() as AddressInfo).port}`;
      web.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await web.browser?.close();
      await web.app?.close();
    });
    body(web);
  });
}

/**
 * Collects the page's script errors, console errors (CSP violations among them) and failed responses while it is
 * used; a spec expects the list to stay empty. A console error containing `ignoring` is left out.
 */
export function watchPage(page: Page, { ignoring }: { ignoring?: string } = {}): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !(ignoring && message.text().includes(ignoring)))
      problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** A full-page screenshot from the top, named after the page's width. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}-${page.viewportSize()?.width}.png`),
    fullPage: true,
  });
}

/** The page at desktop and at phone width, left at desktop width. */
export async function screenshotAtBothWidths(page: Page, name: string): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await screenshot(page, name);
  }
  await page.setViewportSize(DESKTOP);
}

/** How far the page can scroll sideways (evaluated in the page, where the DOM globals exist). */
export async function sidewaysScroll(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

/** Signs in through the login page and waits for the dashboard's greeting. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = FIXTURE_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: /^你好/ }).waitFor();
}
