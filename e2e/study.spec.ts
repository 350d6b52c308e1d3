/**
 * The daily loop of a learner: open a note from the library, bookmark it and a section, read to the
 * middle, come back after a reload and after a server restart to the same place, and find the
 * bookmarks listed; then manage bookmarks (add a page by hand, edit, filter, delete and undo).
 */
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './support/fixtures';
import { WebApp } from './support/web-app';

/** Scrolls the reader to the middle of the note and returns the heading the contents mark as current. */
async function readToTheMiddle(page: Page): Promise<string> {
  await page.locator('#main').evaluate((main) => main.scrollTo({ top: (main.scrollHeight - main.clientHeight) / 2 }));
  const current = page.getByRole('navigation', { name: /Contents|目录/ }).locator('a[aria-current="location"]');
  await expect(current).toHaveCount(1);
  await expect(current).not.toHaveAttribute('href', /overview$/);
  return (await current.getAttribute('href'))!;
}

async function expectBackAt(page: Page, tocHref: string): Promise<void> {
  const current = page.getByRole('navigation', { name: /Contents|目录/ }).locator('a[aria-current="location"]');
  await expect(current).toHaveAttribute('href', tocHref);
  const sectionId = tocHref.split('/').pop()!;
  // The saved paragraph is at the top of the window, so its heading is at or above it.
  const top = await page.locator(`article [id="${sectionId}"]`).evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThanOrEqual(120);
}

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('bookmark a note and a section, keep the place across reload and restart, open a bookmark', async ({ page, webApp, dataDir }) => {
    await page.goto(webApp.url);
    await waitUntilReady(page);
    await expect(page.getByRole('link', { name: /Start here/ })).toBeVisible();
    await page.getByRole('link', { name: /^Envoy/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Envoy' })).toBeVisible();

    const bookmark = page.getByRole('button', { name: 'Bookmark', exact: true });
    await expect(bookmark).toHaveAttribute('aria-pressed', 'false');
    await bookmark.click();
    await expect(bookmark).toHaveAttribute('aria-pressed', 'true');
    const sectionToggle = page.getByRole('button', { name: /^Bookmark section “Architecture/ });
    await sectionToggle.click();
    await expect(sectionToggle).toHaveAttribute('aria-pressed', 'true');

    // Reload right away: the place is flushed when the page goes away, not only after a pause.
    const place = await readToTheMiddle(page);
    await page.reload();
    await waitUntilReady(page);
    await expectBackAt(page, place);
    await expect(page.getByRole('button', { name: 'Bookmark', exact: true })).toHaveAttribute('aria-pressed', 'true');

    // Another window size after a restart: text reflows, the reader is still at the same heading.
    await webApp.stop();
    const restarted = await WebApp.start(dataDir);
    try {
      await page.setViewportSize({ width: 1120, height: 900 });
      await page.goto(restarted.url);
      await waitUntilReady(page);
      const resume = page.getByRole('link', { name: /Continue reading/ });
      await expect(resume).toContainText('Envoy');
      await expect(page.getByRole('link', { name: /^Envoy/ }).last()).toContainText(/\d+% read/);
      await resume.click();
      await expectBackAt(page, place);

      await page.getByRole('link', { name: 'Bookmarks' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Bookmarks' })).toBeVisible();
      const list = page.getByRole('list', { name: 'Bookmarks' });
      await expect(list.getByRole('listitem').filter({ has: page.getByRole('link') })).toHaveCount(2);
      await list.getByRole('link', { name: /Envoy · Architecture/ }).click();
      await expect(page).toHaveURL(/#\/note\/envoy\/architecture$/);
      await expect(page.locator('article [id="architecture"]')).toBeInViewport();
    } finally {
      await restarted.stop();
    }
  });

  test('add a page by hand, edit its tags, filter, delete and undo', async ({ page, webApp }) => {
    await page.goto(webApp.at('#/bookmarks'));
    await waitUntilReady(page);
    await expect(page.getByRole('heading', { name: 'No bookmarks yet' })).toBeVisible();

    await page.getByRole('button', { name: 'Add a web page' }).click();
    await page.getByLabel('Address (URL)').fill('javascript:alert(1)');
    await page.getByLabel('Title', { exact: true }).fill('<img src=x onerror=alert(1)>');
    await page.getByRole('button', { name: 'Add bookmark' }).click();
    await expect(page.getByRole('alert')).toContainText('http');
    await page.getByLabel('Address (URL)').fill('https://istio.io/latest/docs/ambient/');
    await page.getByLabel('Tags (comma-separated)').fill('mesh, 复习');
    await page.getByRole('button', { name: 'Add bookmark' }).click();

    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '<img src=x onerror=alert(1)>' }) });
    await expect(item).toContainText('#复习');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    await page.getByRole('button', { name: /^Edit “<img/ }).click();
    await page.getByLabel('Title', { exact: true }).fill('Istio ambient mode');
    await page.getByLabel('Tags (comma-separated)').fill('mesh, ambient');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('link', { name: 'Istio ambient mode' })).toBeVisible();

    await page.getByRole('combobox', { name: 'Tag' }).selectOption('ambient');
    await expect(page.getByRole('link', { name: 'Istio ambient mode' })).toBeVisible();
    await page.getByRole('searchbox', { name: /Filter by title/ }).fill('linkerd');
    await expect(page.getByText('No bookmarks match these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByRole('button', { name: 'Delete “Istio ambient mode”' }).click();
    await expect(page.getByRole('heading', { name: 'No bookmarks yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('link', { name: 'Istio ambient mode' })).toBeVisible();
    await page.reload();
    await waitUntilReady(page);
    await expect(page.getByRole('link', { name: 'Istio ambient mode' })).toBeVisible();
  });
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('为笔记和章节加书签，重启后回到原处，从书签列表打开', async ({ page, webApp, dataDir }) => {
    await page.goto(webApp.url);
    await waitUntilReady(page);
    await page.getByRole('link', { name: /^Istio/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Istio' })).toBeVisible();
    await page.getByRole('button', { name: '书签', exact: true }).click();
    const section = page.getByRole('button', { name: /^为章节「现状/ });
    await section.click();
    await expect(section).toHaveAttribute('aria-pressed', 'true');

    // The note can be read in English while the interface stays Chinese.
    await page.getByRole('group', { name: '笔记语言' }).getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /Current status/ })).toBeVisible();
    await expect(page.getByRole('link', { name: '设置' })).toBeVisible();
    await page.getByRole('group', { name: '笔记语言' }).getByRole('button', { name: '中文' }).click();

    await page.getByRole('button', { name: '标记为已读' }).click();
    await expect(page.getByRole('button', { name: '标记为已读' })).toHaveAttribute('aria-pressed', 'true');
    const place = await readToTheMiddle(page);
    const heading = await page.getByRole('navigation', { name: '目录' }).locator('a[aria-current="location"]').textContent();
    // Switching to another view saves the place at once; the library shows it once it is stored,
    // and only then is the server stopped (as a person would see it before quitting).
    await page.getByRole('link', { name: '资料库', exact: true }).click();
    await expect(page.getByRole('link', { name: /继续阅读/ })).toContainText(`上次读到「${heading!.trim()}」`);

    await webApp.stop();
    const restarted = await WebApp.start(dataDir);
    try {
      await page.goto(restarted.url);
      await waitUntilReady(page);
      await expect(page.getByRole('link', { name: /^Istio/ }).last()).toContainText('已读 100%');
      await page.getByRole('link', { name: /继续阅读/ }).click();
      await expectBackAt(page, place);

      await page.getByRole('link', { name: '书签', exact: true }).click();
      const list = page.getByRole('list', { name: '书签' });
      await expect(list.getByRole('link')).toHaveCount(2);
      await list.getByRole('link', { name: /Istio · 现状/ }).click();
      await expect(page).toHaveURL(/#\/note\/istio\/status$/);
      await expect(page.locator('article [id="status"]')).toBeInViewport();
    } finally {
      await restarted.stop();
    }
  });
});
