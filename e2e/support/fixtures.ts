/** Playwright fixtures: a running browser-mode app per test, stopped afterwards. */
import { test as base, expect, type Page } from '@playwright/test';
import { newDataDir, WebApp } from './web-app';

export const test = base.extend<{ dataDir: string; webApp: WebApp }>({
  dataDir: async ({}, use) => {
    await use(newDataDir());
  },
  webApp: async ({ dataDir }, use) => {
    const app = await WebApp.start(dataDir);
    await use(app);
    await app.stop();
  },
});

export { expect };

/** Waits until the shell has loaded its settings from the services. */
export async function waitUntilReady(page: Page): Promise<void> {
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
}

/** Every link, button and form control on the page has a non-empty accessible name. */
export async function controlsWithoutNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [role="button"]')];
    const nameOf = (el: HTMLElement): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      const fromLabelledBy = labelledBy
        ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
        : '';
      const fromLabels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ') : '';
      return [el.getAttribute('aria-label'), fromLabelledBy, fromLabels, el.textContent, el.getAttribute('title')].join(' ').trim();
    };
    return controls.filter((el) => nameOf(el) === '').map((el) => el.outerHTML.slice(0, 120));
  });
}
