/**
 * A learner opens the app in browser mode, switches it to Chinese and the dark theme, reloads,
 * restarts the server, and finds everything as they left it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { controlsWithoutNames, expect, test, waitUntilReady } from './support/fixtures';
import { WebApp } from './support/web-app';

test.use({ locale: 'en-US', colorScheme: 'light' });

test('language and theme apply at once and survive a reload and a server restart', async ({ page, webApp, dataDir }) => {
  await page.goto(webApp.url);
  await waitUntilReady(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Follow the system \(English\)/ })).toBeChecked();

  await page.getByRole('radio', { name: '中文' }).check();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('status')).toHaveText('已保存');

  await page.getByRole('radio', { name: '深色' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('radio', { name: '在系统浏览器中打开', exact: true }).check();
  await expect(page.getByRole('radio', { name: '在系统浏览器中打开', exact: true })).toBeChecked();

  await page.reload();
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: '中文' })).toBeChecked();

  await webApp.stop();
  const restarted = await WebApp.start(dataDir);
  try {
    await page.goto(restarted.at('#/settings'));
    await waitUntilReady(page);
    await expect(page.getByRole('link', { name: '设置' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('radio', { name: '深色' })).toBeChecked();
    await expect(page.getByRole('radio', { name: '在系统浏览器中打开', exact: true })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  } finally {
    await restarted.stop();
  }
  const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  expect(saved).toMatchObject({ language: 'zh', theme: 'dark', docsOpening: 'external' });
});

test('settings can be changed with the keyboard alone', async ({ page, webApp }) => {
  await page.goto(webApp.at('#/settings'));
  await waitUntilReady(page);
  await page.getByRole('radio', { name: 'Light' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Follow the system', exact: true })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('every view is reachable from the sidebar and every control has a name, in both languages', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await waitUntilReady(page);
  for (const language of ['English', '中文'] as const) {
    await page.getByRole('link', { name: /^(Settings|设置)$/ }).click();
    await page.getByRole('radio', { name: language, exact: true }).check();
    const views = language === 'English' ? ['Library', 'Search', 'Bookmarks', 'Annotations', 'Settings'] : ['资料库', '搜索', '书签', '批注', '设置'];
    for (const view of views) {
      await page.getByRole('link', { name: view }).click();
      await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
      expect(await controlsWithoutNames(page)).toEqual([]);
    }
  }
});

test.describe('first run follows the browser language', () => {
  test.use({ locale: 'zh-CN' });

  test('a Chinese system gets a Chinese UI until the user chooses', async ({ page, webApp }) => {
    await page.goto(webApp.url);
    await waitUntilReady(page);
    await expect(page.getByRole('heading', { level: 1, name: '资料库' })).toBeVisible();
    await page.getByRole('link', { name: '设置' }).click();
    await expect(page.getByRole('radio', { name: '跟随系统（中文）' })).toBeChecked();
  });
});

test('the page is served with the strict content security policy and loads without errors', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(webApp.url);
  await waitUntilReady(page);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
  expect(errors).toEqual([]);
});

test('the API refuses a page that lacks the launch token', async ({ page, webApp }) => {
  const origin = new URL(webApp.url).origin;
  await page.goto(`${origin}/#/settings`);
  await expect(page.getByRole('alert')).toContainText('npm run web');
});
