/**
 * Damaged or foreign store files: the app still starts, says what happened in one sentence per file,
 * keeps saying it across restarts until the user dismisses it, and never loses the file's content.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, waitUntilReady } from './support/fixtures';
import { newDataDir, WebApp } from './support/web-app';

test.use({ locale: 'en-US' });

test('a corrupt settings file is kept aside, reported until dismissed (across a restart), and the app starts with defaults', async ({ page }) => {
  const dataDir = newDataDir();
  const damaged = '{"schemaVersion":1,"language":"zh",';
  writeFileSync(join(dataDir, 'settings.json'), damaged);
  let app = await WebApp.start(dataDir);
  try {
    await page.goto(app.url);
    await waitUntilReady(page);
    const notice = page.getByRole('alert');
    const aside = readdirSync(dataDir).filter((name) => /^settings\.corrupt-.*\.json$/.test(name));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0]!), 'utf8')).toBe(damaged);
    await expect(notice).toHaveText(`${join(dataDir, 'settings.json')} could not be read (it is not valid JSON), so it was moved to ${join(dataDir, aside[0]!)} and your settings started empty.`);

    // Still there after a restart: a notice is dismissed by the user, not by time.
    await app.stop();
    app = await WebApp.start(dataDir);
    await page.goto(app.url);
    await waitUntilReady(page);
    await expect(page.getByRole('alert')).toHaveCount(1);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).theme).toBe('dark');

    await app.stop();
    app = await WebApp.start(dataDir);
    await page.goto(app.url);
    await waitUntilReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('a file from a newer version is left untouched, and a folder where a file should be is named', async ({ page }) => {
  const dataDir = newDataDir();
  const newer = JSON.stringify({ schemaVersion: 99, bookmarks: [{ futureField: true }] });
  writeFileSync(join(dataDir, 'bookmarks.json'), newer);
  mkdirSync(join(dataDir, 'progress.json'));
  const app = await WebApp.start(dataDir);
  try {
    await page.goto(app.url);
    await waitUntilReady(page);
    await expect(page.getByRole('alert').filter({ hasText: 'written by a newer version' })).toContainText(join(dataDir, 'bookmarks.json'));
    await expect(page.getByRole('alert').filter({ hasText: 'it is a folder, not a file' })).toContainText(join(dataDir, 'progress.json'));
    await page.goto(app.at('#/note/envoy'));
    await page.getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect(page.getByText(/written by a newer version of the app, so this version does not change it/)).toBeVisible();
    expect(readFileSync(join(dataDir, 'bookmarks.json'), 'utf8')).toBe(newer);
  } finally {
    await app.stop();
  }
});

test('a data folder written by release 0.1.0 opens with its bookmarks, progress and settings', async ({ page }) => {
  const dataDir = newDataDir();
  cpSync(resolve(import.meta.dirname, '..', 'test', 'fixtures', 'store', 'v0.1.0'), dataDir, { recursive: true });
  const app = await WebApp.start(dataDir);
  try {
    await page.goto(app.at('#/bookmarks'));
    await waitUntilReady(page);
    // The fixture's settings: Chinese interface, dark theme.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    for (const title of ['Envoy', 'Prometheus · 拉模式', 'Envoy official site', 'A blog post on meshes']) {
      await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
    }
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(existsSync(join(dataDir, 'bookmarks.v1.json'))).toBe(true);
  } finally {
    await app.stop();
  }
});
