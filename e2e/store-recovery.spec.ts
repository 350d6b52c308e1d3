/** A settings file damaged on disk is moved aside and reported; the app still works. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, waitUntilReady } from './support/fixtures';
import { newDataDir, WebApp } from './support/web-app';

test.use({ locale: 'en-US' });

test('a corrupt settings file is kept aside, reported, and the app starts with defaults', async ({ page }) => {
  const dataDir = newDataDir();
  const damaged = '{"schemaVersion":1,"language":"zh",';
  writeFileSync(join(dataDir, 'settings.json'), damaged);
  const app = await WebApp.start(dataDir);
  try {
    await page.goto(app.url);
    await waitUntilReady(page);
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('Your settings file could not be read');
    const aside = readdirSync(dataDir).filter((name) => /^settings\.corrupt-.*\.json$/.test(name));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0]!), 'utf8')).toBe(damaged);
    await expect(notice).toContainText(aside[0]!);

    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).theme).toBe('dark');
  } finally {
    await app.stop();
  }
});
