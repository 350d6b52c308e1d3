/**
 * Offline study: a learner bookmarks a page, saves it for offline reading, loses the connection
 * (the page's server stops), and still opens it from Saved pages, reads it and finds it by search.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, waitUntilReady } from './support/fixtures';

test.use({ locale: 'en-US' });

const PAGE = `<!doctype html><html lang="en"><head><title>Tuning Envoy circuit breakers</title><script>window.__ran = 1</script></head>
<body><nav>Blog home</nav><article><h1>Tuning Envoy circuit breakers</h1>
${'<p>Circuit breakers cap concurrent connections and pending requests per upstream cluster, so one slow service cannot exhaust the mesh. </p>'.repeat(6)}
<p onclick="window.__ran = 2">Quasar-thresholds are the word to search for.</p><img src="http://127.0.0.1:1/track.png" alt="a retry budget diagram"></article></body></html>`;

let server: Server;
let pageUrl = '';
test.beforeEach(async () => {
  server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/blog/circuit-breakers`;
});
test.afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('bookmark a page, save it for offline, stop its server, then read and find it', async ({ page, webApp }) => {
  await page.goto(webApp.at('#/bookmarks'));
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Add a web page' }).click();
  await page.getByLabel('Address (URL)').fill(pageUrl);
  await page.getByLabel('Title', { exact: true }).fill('Circuit breakers post');
  await page.getByRole('button', { name: 'Add bookmark' }).click();
  await page.getByRole('button', { name: 'Save “Circuit breakers post” for offline' }).click();
  await expect(page.getByText('Saved “Tuning Envoy circuit breakers” for offline reading.')).toBeVisible();

  // The connection is gone.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  await page.getByRole('link', { name: 'Saved pages' }).click();
  await page.getByRole('link', { name: 'Tuning Envoy circuit breakers' }).click();
  await expect(page.getByRole('note')).toContainText(pageUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Tuning Envoy circuit breakers' })).toBeVisible();
  await expect(page.locator('article')).toContainText('Quasar-thresholds are the word to search for.');
  await expect(page.locator('article')).toContainText('[a retry budget diagram]');
  await expect(page.locator('article img, article script, article [onclick]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();

  // Annotate it like a note, and find the annotation again under the page's title.
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf('Quasar-thresholds');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'Quasar-thresholds'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
  });
  await page.getByRole('toolbar', { name: 'Annotate the selection' }).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => [...((CSS.highlights.get('atlas-yellow') as Iterable<Range> | undefined) ?? [])].map((r) => r.toString())))
    .toEqual(['Quasar-thresholds']);
  const savedUrl = page.url();
  await page.getByRole('link', { name: 'Annotations' }).click();
  await expect(page.getByRole('region', { name: 'Tuning Envoy circuit breakers' }).getByRole('link', { name: 'Quasar-thresholds' })).toBeVisible();
  await page.goto(savedUrl);
  await waitUntilReady(page);

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Quick search' });
  await palette.getByRole('combobox', { name: 'Search notes, sections, links and terms' }).pressSequentially('quasar thresholds', { delay: 20 });
  const group = palette.getByRole('group', { name: 'Your saved pages' });
  await expect(group.getByRole('option').first()).toContainText('Tuning Envoy circuit breakers');
  await group.getByRole('option').first().click();
  await expect(page).toHaveURL(/#\/saved\/[a-f0-9-]+$/);

  // Delete with undo.
  await page.getByRole('link', { name: 'All saved pages' }).click();
  await page.getByRole('button', { name: 'Delete the saved copy of “Tuning Envoy circuit breakers”' }).click();
  await expect(page.getByRole('heading', { name: 'No saved pages yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Tuning Envoy circuit breakers' })).toBeVisible();
});

test('a page that cannot be saved says why, and nothing is kept', async ({ page, webApp }) => {
  await page.goto(webApp.at('#/saved'));
  await waitUntilReady(page);
  await page.getByLabel('Address of a page to save').fill('http://127.0.0.1:1/none');
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.getByText(/could not be reached/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No saved pages yet' })).toBeVisible();
});
