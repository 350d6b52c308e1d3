/**
 * Opening links as the learner prefers: the link menu (right-click) offers "Open in app" and "Open in
 * system browser" on every web link; in browser mode both open a new tab, as the setting says.
 */
import { expect, test, waitUntilReady } from './support/fixtures';

test.use({ locale: 'en-US' });

test('the link menu opens a note link in a new tab, its first item focused, and Escape closes it', async ({ page, webApp, context }) => {
  await page.route('https://**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' }));
  await context.route('https://**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' }));
  await page.goto(webApp.at('#/note/envoy'));
  await waitUntilReady(page);
  const link = page.getByRole('region', { name: /Links/ }).or(page.locator('section.links')).getByRole('link').first();
  const href = await link.getAttribute('href');
  await link.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Open link' });
  await expect(menu.getByRole('menuitem', { name: 'Open in app' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Open in system browser' })).toBeVisible();
  const [tab] = await Promise.all([context.waitForEvent('page'), menu.getByRole('menuitem', { name: 'Open in system browser' }).click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(new URL(href!).href);
  await tab.close();
  await expect(menu).toBeHidden();

  await link.click({ button: 'right' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  // The setting says what "inside the app" means here.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('In browser mode there is no pane: pages open in a new tab.')).toBeVisible();
});

test('a plain click on a web link inside the note text opens it in a new tab and leaves the note open', async ({ page, webApp, context }) => {
  await context.route('https://**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' }));
  await page.goto(webApp.at('#/note/envoy'));
  await waitUntilReady(page);
  const link = page.locator('article.note a[data-external]').first();
  const href = await link.getAttribute('href');
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(new URL(href!).href);
  await expect(page).toHaveURL(/#\/note\/envoy/);
  await expect(page.getByRole('heading', { level: 1, name: 'Envoy' })).toBeVisible();
});
