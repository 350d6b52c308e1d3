/**
 * A learner searches as they type — in Chinese from the quick-search palette, in English from the
 * Search view — and lands on the right section of the right note.
 */
import { expect, test, waitUntilReady } from './support/fixtures';

test.use({ locale: 'zh-CN' });

test('quick search (Ctrl+K) finds a Chinese concept and opens the note at its section', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await waitUntilReady(page);
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: '快速搜索' });
  await expect(palette).toBeVisible();
  const box = palette.getByRole('combobox', { name: '搜索笔记、章节、链接和术语' });
  await expect(box).toBeFocused();
  await box.pressSequentially('时间序列', { delay: 40 });

  // The glossary entry for the concept comes first; it belongs to the Prometheus note.
  const options = palette.getByRole('listbox').getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(palette.getByRole('listbox').getByRole('option', { selected: true })).toContainText('时间序列');
  await expect(palette.getByRole('listbox')).toContainText('Prometheus');
  await expect(palette.locator('mark').first()).toContainText(/时间|序列|时间序列/);

  await box.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/#\/note\/prometheus(\/[a-z-]+)?$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Prometheus' })).toBeVisible();
});

test('the Search view finds an English term with a typo and opens its section by keyboard', async ({ page, webApp }) => {
  await page.goto(webApp.at('#/search'));
  await waitUntilReady(page);
  const box = page.getByRole('combobox', { name: '搜索笔记、章节、链接和术语' });
  await box.fill('envoy xds');
  const first = page.getByRole('listbox').getByRole('option').first();
  await expect(first).toBeVisible();
  await expect(page.getByRole('group', { name: '章节' })).toBeVisible();

  await page.getByRole('group', { name: '章节' }).getByRole('option').first().hover();
  const chosen = page.getByRole('option', { selected: true });
  const title = (await chosen.locator('.result-title span').first().textContent())!.trim();
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/note\/envoy\/[a-z-]+$/);
  const sectionId = page.url().split('/').pop()!;
  const heading = page.locator(`article [id="${sectionId}"]`);
  await expect(heading).toHaveText(title);
  await expect(heading).toBeInViewport();

  await page.goto(webApp.at('#/search'));
  await box.fill('promethues');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Prometheus');
});

test('filters narrow the results and no-result states suggest what to do', async ({ page, webApp }) => {
  await page.goto(webApp.at('#/search'));
  await waitUntilReady(page);
  const box = page.getByRole('combobox', { name: '搜索笔记、章节、链接和术语' });
  await box.fill('istio');
  await page.getByRole('group', { name: '只看' }).getByRole('button', { name: '链接' }).click();
  await expect(page.getByRole('group', { name: '链接' })).toBeVisible();
  await expect(page.getByRole('group', { name: '章节' })).toHaveCount(0);

  await box.fill('zzqqxxyy');
  await expect(page.getByText('没有找到与“zzqqxxyy”相关的内容。')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).first().click();
  await expect(page.getByRole('group', { name: '只看' }).getByRole('button', { name: '链接' })).toHaveAttribute('aria-pressed', 'false');
});

test('markup typed into search stays text', async ({ page, webApp }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.goto(webApp.at('#/search'));
  await waitUntilReady(page);
  await page.getByRole('combobox', { name: '搜索笔记、章节、链接和术语' }).fill('<img src=x onerror=alert(1)> "><svg onload=alert(2)>');
  await page.waitForTimeout(300);
  expect(dialogs).toBe(0);
  await expect(page.locator('main img, main svg[onload]')).toHaveCount(0);
});

test('Chinese is split into words the same way in the browser as when the index was built', async ({ page, webApp }) => {
  const sentences = ['服务网格是微服务之间通信的基础设施层', 'Envoy 通过 xDS 协议动态获取配置', '容器运行时负责拉取镜像并启动容器'];
  const segment = (text: string) =>
    [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  await page.goto(webApp.url);
  const inBrowser = await page.evaluate(
    (texts) => texts.map((text) => [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment)),
    sentences,
  );
  expect(inBrowser).toEqual(sentences.map(segment));
});

test('names come first, Traditional Chinese finds what Simplified finds, and a typo offers "did you mean"', async ({ page, webApp }) => {
  await page.goto(webApp.at('#/search'));
  await waitUntilReady(page);
  const box = page.getByRole('combobox', { name: '搜索笔记、章节、链接和术语' });
  const first = page.getByRole('listbox').getByRole('option').first();

  await box.fill('Envoy');
  await expect(first.locator('.result-title')).toHaveText(/^Envoy/);
  await expect(page.getByRole('group', { name: '笔记' })).toBeVisible();

  await box.fill('服務網格');
  await expect(first.locator('.result-title')).toHaveText(/^服务网格/);
  await expect(page.locator('.results mark').first()).toHaveText(/服务|网格|服务网格/);

  await box.fill('grcp');
  await expect(page.getByText('没有找到与“grcp”相关的内容。')).toBeVisible();
  await page.getByRole('button', { name: 'grpc' }).click();
  await expect(box).toHaveValue('grpc');
  await expect(first.locator('.result-title')).toHaveText(/^gRPC/);
});

test('the user’s own bookmarks are searchable as soon as they are saved, in their own group', async ({ page, webApp }) => {
  await page.goto(webApp.at('#/bookmarks'));
  await waitUntilReady(page);
  await page.getByRole('button', { name: '添加网页' }).click();
  await page.getByLabel('网址（URL）').fill('https://example.com/zipkin-tuning');
  await page.getByLabel('标题', { exact: true }).fill('调优采样率的笔记');
  await page.getByLabel('标签（用逗号分隔）').fill('采样复习');
  await page.getByRole('button', { name: '添加书签' }).click();
  await expect(page.getByRole('link', { name: '调优采样率的笔记' })).toBeVisible();

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: '快速搜索' });
  await palette.getByRole('combobox', { name: '搜索笔记、章节、链接和术语' }).pressSequentially('采样复习', { delay: 30 });
  const group = palette.getByRole('group', { name: '你的书签' });
  await expect(group).toBeVisible();
  await expect(group.getByRole('option').first()).toContainText('调优采样率的笔记');
});

test('highlighted words in results keep readable contrast in both themes', async ({ page, webApp }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(webApp.at('#/search'));
    await waitUntilReady(page);
    await page.getByRole('combobox', { name: '搜索笔记、章节、链接和术语' }).fill('服务网格 边车');
    await expect(page.locator('.results mark').first()).toBeVisible();
    const report = await new AxeBuilder({ page }).include('.results').withRules(['color-contrast']).analyze();
    expect(report.violations.map((v) => v.nodes.map((n) => n.target.join(' '))).flat(), theme).toEqual([]);
  }
});
