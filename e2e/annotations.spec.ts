/**
 * A learner annotates notes: selects text, highlights it, comments, comes back after a reload and
 * finds it in place; finds the comment by search and jumps to it; sees it in the Annotations view;
 * exports it as Markdown; and user text never runs as code anywhere.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { describeRange } from '../src/shared/anchoring/selectors';
import { expect, test, waitUntilReady } from './support/fixtures';

const XSS = '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> javascript:alert(1)';

/** Selects `length` characters of the note's first long text node containing `phrase`, as a mouse would. */
async function selectInNote(page: Page, phrase: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('article.note')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${wanted}" is not in the note`);
  }, phrase);
}

const highlighted = (page: Page, color = 'yellow') =>
  page.evaluate((name) => [...((CSS.highlights.get(name) as Iterable<Range> | undefined) ?? [])].map((range) => range.toString()), `atlas-${color}`);

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('highlight and comment, reload, find by search, see in the view, export Markdown — and no user text runs', async ({ page, webApp }) => {
    const phrase = 'built at Lyft under Matt Klein';
    await page.goto(webApp.at('#/note/envoy'));
    await waitUntilReady(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Envoy' })).toBeVisible();
    await selectInNote(page, phrase);
    const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
    await toolbar.getByRole('button', { name: 'Comment' }).click();
    await page.getByRole('textbox', { name: 'Comment' }).fill(`Who is Matt Klein? ${XSS}`);
    await page.getByRole('textbox', { name: 'Tags (comma-separated)' }).fill('people, <b>bold</b>');
    await page.getByRole('textbox', { name: 'Comment' }).press('Enter');
    await expect(page.getByText('Comment saved.')).toBeVisible();
    await expect.poll(() => highlighted(page)).toEqual([phrase]);
    const panel = page.getByRole('region', { name: /Annotations \(1\)/ }).or(page.locator('section[aria-labelledby="annotations-panel-heading"]'));
    await expect(panel).toContainText(`Who is Matt Klein? ${XSS}`);

    await page.reload();
    await waitUntilReady(page);
    await expect.poll(() => highlighted(page)).toEqual([phrase]);

    // Click the highlight: read it, recolour it.
    const box = await page.evaluate((wanted) => {
      const range = [...(CSS.highlights.get('atlas-yellow') as Iterable<Range>)].find((r) => r.toString() === wanted)!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 5, y: rect.top + rect.height / 2 };
    }, phrase);
    await page.mouse.click(box.x, box.y);
    const dialog = page.getByRole('dialog', { name: 'Annotation' });
    await expect(dialog.getByRole('textbox', { name: 'Comment' })).toHaveValue(`Who is Matt Klein? ${XSS}`);
    await dialog.getByRole('button', { name: 'Highlight in green' }).click();
    await expect.poll(() => highlighted(page, 'green')).toEqual([phrase]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Search finds the comment and opens the note at the highlight.
    await page.goto(webApp.at('#/library'));
    await waitUntilReady(page);
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Quick search' });
    await palette.getByRole('combobox', { name: 'Search notes, sections, links and terms' }).pressSequentially('Who is Matt Klein', { delay: 20 });
    const group = palette.getByRole('group', { name: 'Your annotations' });
    await expect(group).toBeVisible();
    await group.getByRole('option').first().click();
    await expect(page).toHaveURL(/#\/note\/envoy\/overview\?annotation=/);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('atlas-flash'))).toBe(true);

    // The Annotations view lists it under its project and section; Markdown export has it, escaped.
    await page.goto(webApp.at('#/annotations'));
    await waitUntilReady(page);
    const envoy = page.getByRole('region', { name: 'Envoy' });
    await expect(envoy.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(envoy.getByRole('link', { name: phrase })).toBeVisible();
    await expect(envoy).toContainText(XSS);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain('## Envoy');
    expect(markdown).toContain(`> ${phrase}`);
    expect(markdown).toContain('\\<img src=x onerror="window.\\_\\_xss=1"\\>');
    expect(markdown).toMatch(/\[Open in Cloud Native Atlas\]\(http:\/\/127\.0\.0\.1:\d+\/#\/note\/envoy\/overview\?annotation=[\w-]+\)/);

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });

  test('highlights re-attach after the note changed, or are listed as no longer found — never lost', async ({ page, webApp, request }) => {
    // Annotations made on an earlier version of the note: one passage moved (its position is
    // stale), one was rewritten away.
    const older = 'Intro that was later removed. Envoy is written in C++ and aims to make the network transparent to applications. The sidecar pattern was once called magic.';
    const moved = describeRange(older, older.indexOf('Envoy is written in C++'), older.indexOf('Envoy is written in C++') + 'Envoy is written in C++'.length);
    const gone = describeRange(older, older.indexOf('The sidecar pattern was once called magic.'), older.length);
    const token = new URL(webApp.url).searchParams.get('token')!;
    for (const selectors of [moved, gone]) {
      const response = await request.post(new URL('/api/annotations.add', webApp.url).href, {
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        data: { input: { noteId: 'envoy', language: 'en', sectionId: 'overview', selectors, color: 'pink', comment: selectors === gone ? 'orphan-to-be' : 'moved' } },
      });
      expect(response.ok()).toBe(true);
    }
    await page.goto(webApp.at('#/note/envoy'));
    await waitUntilReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => highlighted(page, 'pink')).toEqual(['Envoy is written in C++']);
    const panel = page.locator('section[aria-labelledby="annotations-panel-heading"]');
    await expect(panel.getByRole('heading', { name: 'No longer found in the note' })).toBeVisible();
    await expect(panel).toContainText('The sidecar pattern was once called magic.');
    await page.goto(webApp.at('#/annotations'));
    await expect(page.getByRole('region', { name: 'No longer found in the note' })).toContainText('orphan-to-be');
  });
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('用快捷键高亮中文、从批注列表跳转、删除后撤销', async ({ page, webApp }) => {
    await page.goto(webApp.at('#/note/service-mesh'));
    await waitUntilReady(page);
    const phrase = await page.evaluate(() => {
      const p = [...document.querySelectorAll('article.note p')].find((el) => /[\u4e00-\u9fff]{12}/.test(el.textContent ?? ''))!;
      return /[\u4e00-\u9fff]{12}/.exec(p.textContent!)![0];
    });
    await selectInNote(page, phrase);
    await expect(page.getByRole('toolbar', { name: '批注所选文字' }).getByRole('button', { name: '高亮', exact: true })).toBeVisible();
    await page.keyboard.press('Alt+H');
    await expect(page.getByText('已保存高亮。')).toBeVisible();
    await expect.poll(() => highlighted(page)).toEqual([phrase]);
    const panel = page.locator('section[aria-labelledby="annotations-panel-heading"]');
    await expect(panel.getByRole('button', { name: /批注（1）/ })).toBeVisible();
    await panel.getByRole('button', { name: phrase }).click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('atlas-flash'))).toBe(true);

    await page.goto(webApp.at('#/annotations'));
    const item = page.getByRole('listitem').filter({ hasText: phrase });
    await item.getByRole('button', { name: /删除批注/ }).click();
    await expect(page.getByText('批注已删除。')).toBeVisible();
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('link', { name: phrase })).toBeVisible();
  });
});

test('export all data and import it into another data folder, with a preview first', async ({ page, webApp }) => {
  await page.goto(webApp.at('#/note/envoy'));
  await waitUntilReady(page);
  await page.getByRole('button', { name: /^(Bookmark|加书签)$/ }).first().click();
  await selectInNote(page, 'Envoy');
  await page.keyboard.press('Alt+H');
  await expect.poll(() => highlighted(page)).toHaveLength(1);

  await page.goto(webApp.at('#/settings'));
  const exportButton = page.getByRole('button', { name: /Export all data|导出全部数据/ });
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const file = (await download.path())!;
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { bookmarks: unknown[]; annotations: unknown[] };
  expect(exported.bookmarks).toHaveLength(1);
  expect(exported.annotations).toHaveLength(1);

  const { WebApp, newDataDir } = await import('./support/web-app');
  const other = await WebApp.start(newDataDir());
  try {
    await page.goto(other.at('#/settings'));
    await waitUntilReady(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /Import data|导入数据/ }).click()]);
    await chooser.setFiles(file);
    const preview = page.getByRole('region', { name: /will:|将会：/ });
    await expect(preview).toContainText(/Bookmarks: add 1|书签：新增 1 条/);
    await expect(preview).toContainText(/Annotations: add 1|批注：新增 1 条/);
    await preview.getByRole('button', { name: /^(Import|导入)$/ }).click();
    await expect(page.getByText(/The file was imported|文件已导入/)).toBeVisible();
    await page.goto(other.at('#/annotations'));
    await expect(page.getByRole('region', { name: 'Envoy' })).toBeVisible();
  } finally {
    await other.stop();
  }
});

test('offsets in the page match the note text the app was built with, past tables, code and headings', async ({ page, webApp }) => {
  // A passage near the end of long notes with tables, code blocks and heading controls before it:
  // if the page's text and the build's canonical text disagreed by one character, the highlight
  // would land on different words.
  for (const [noteId, language] of [['kubernetes', 'English'], ['cncf', '中文'], ['envoy', '中文'], ['opentelemetry', 'English']] as const) {
    await page.goto(webApp.at(`#/note/${noteId}`));
    await waitUntilReady(page);
    const switcher = page.getByRole('button', { name: language, exact: true });
    await switcher.click();
    await expect(switcher).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('article.note h2').first()).toBeVisible();
    const phrase = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('article.note p')].filter(
        (p) => (p.firstChild?.nodeValue ?? '').trim().length > 20 && !p.closest('details'),
      );
      return paragraphs.at(-1)!.firstChild!.nodeValue!.trim().slice(0, 18);
    });
    await selectInNote(page, phrase);
    await page.keyboard.press('Alt+H');
    await expect.poll(() => highlighted(page), { timeout: 20_000 }).toContain(phrase);
  }
});

test('continue reading finds its paragraph again after the note was reworded, with the same anchoring', async ({ page, webApp, request }) => {
  await page.goto(webApp.at('#/note/kubernetes'));
  await waitUntilReady(page);
  await page.getByRole('button', { name: /^(English|英文)$/ }).click();
  // A paragraph well down the note, saved as it read "before an edit" (two words changed).
  const paragraph = await page.evaluate(() => {
    const p = [...document.querySelectorAll('article.note p')].filter((el) => (el.textContent ?? '').length > 120)[8]!;
    return p.textContent!.replace(/\s+/g, ' ').trim();
  });
  const older = paragraph.slice(0, 80).replace(/\b(the|a)\b/, 'this').replace(/(\w{5,})/, '$1s');
  expect(older).not.toBe(paragraph.slice(0, 80));
  const token = new URL(webApp.url).searchParams.get('token')!;
  const saved = await request.post(new URL('/api/progress.save', webApp.url).href, {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    data: { input: { noteId: 'kubernetes', sectionId: null, quote: older, percent: 40 } },
  });
  expect(saved.ok()).toBe(true);
  await page.goto(webApp.at('#/library'));
  await waitUntilReady(page);
  await page.goto(webApp.at('#/note/kubernetes'));
  await waitUntilReady(page);
  await expect(page.locator('article.note p').filter({ hasText: paragraph.slice(0, 60) }).first()).toBeInViewport();
});
