/**
 * The desktop app itself, driven with Playwright's Electron support. Where the Electron binary is
 * not installed (as on machines without internet) every test here is skipped with the reason.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPath } from '../scripts/electron-binary';
import { API_METHODS } from '../src/shared/api';

const projectRoot = resolve(import.meta.dirname, '..');

function electronBinaryProblem(): string | null {
  if (!electronBinaryPath(projectRoot)) return 'the Electron binary is not installed (node_modules/electron has no dist)';
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return 'there is no display (run under xvfb-run)';
  }
  return null;
}

const problem = electronBinaryProblem();
if (problem) console.log(`[electron e2e] skipped: ${problem}; browser-mode tests cover the same UI.`);
test.skip(problem !== null, `Electron E2E skipped: ${problem}`);

async function launch(dataDir: string) {
  const app = await electron.launch({
    args: [join(projectRoot, 'out', 'main', 'index.js')],
    env: { ...process.env, ATLAS_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '', ATLAS_CHECK_OUTPUTS: '1' },
  });
  const window = await app.firstWindow();
  await expect(window.locator('[data-ready="true"]')).toBeVisible();
  return { app, window };
}

test('the desktop window is sandboxed and keeps settings across restarts', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-electron-'));
  const first = await launch(dataDir);
  expect(first.window.url()).toMatch(/^atlas:\/\/app\//);
  expect(await first.window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  // window.atlas holds exactly the contract's namespaces (each with its methods) and `on`.
  const namespaces = [...new Set(API_METHODS.map((method) => method.split('.')[0]!)), 'on'].sort();
  expect(await first.window.evaluate(() => Object.keys((window as unknown as { atlas: object }).atlas).sort())).toEqual(namespaces);
  const exposed = await first.window.evaluate(() =>
    Object.entries((window as unknown as { atlas: Record<string, object> }).atlas).flatMap(([namespace, group]) =>
      typeof group === 'function' ? [] : Object.keys(group).map((name) => `${namespace}.${name}`),
    ),
  );
  expect(exposed.sort()).toEqual([...API_METHODS].sort());
  await first.window.getByRole('link', { name: /Settings|设置/ }).click();
  await first.window.getByRole('radio', { name: 'Dark' }).or(first.window.getByRole('radio', { name: '深色' })).check();
  await expect(first.window.locator('html')).toHaveAttribute('data-theme', 'dark');
  await first.app.close();

  const second = await launch(dataDir);
  await expect(second.window.locator('html')).toHaveAttribute('data-theme', 'dark');
  await second.app.close();
});

test('the main window refuses to navigate away from the app', async () => {
  const { app, window: page } = await launch(mkdtempSync(join(tmpdir(), 'atlas-electron-')));
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^atlas:\/\/app\//);
  await app.close();
});
