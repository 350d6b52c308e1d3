/**
 * The newcomer's path, tested rather than assumed: the README's install-and-run command, word for
 * word, in a fresh copy of this checkout (tracked and new files, no node_modules, no out/), with no
 * environment tricks. On a machine that cannot download Electron it must end in browser mode with
 * the "running at" line, and the page it names must load the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const projectRoot = resolve(import.meta.dirname, '..');
const READY = /Cloud Native Atlas is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;
const ELECTRON_STARTED = /electron-vite|start electron app/i;

/** The commands of the README's "Two commands" block, comments stripped. */
function readmeCommands(readme: string): string[] {
  const block = /## Two commands\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no "## Two commands" block');
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

function copyCheckout(target: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(projectRoot, file);
    if (!existsSync(from)) continue; // deleted but not yet committed
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(from, join(target, file));
  }
}

test('the README install-and-run command takes a fresh copy to the running app', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  const [installAndRun] = readmeCommands(readFileSync(join(projectRoot, 'README.md'), 'utf8'));
  expect(installAndRun).toMatch(/^npm install && npm start$/);

  const workDir = mkdtempSync(join(tmpdir(), 'atlas-newcomer-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-newcomer-data-'));
  copyCheckout(workDir);
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_DATA_DIR: dataDir };
  // What a newcomer does not have: our CI's and the developers' shortcuts, and (so that `open` cannot
  // start a real browser here) a display.
  for (const name of ['ELECTRON_SKIP_BINARY_DOWNLOAD', 'PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD', 'npm_config_ignore_scripts', 'DISPLAY', 'WAYLAND_DISPLAY']) delete env[name];

  const child = spawn('sh', ['-c', installAndRun!], { cwd: workDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const outcome = await new Promise<{ url: string } | { electron: true }>((resolveOutcome, reject) => {
      const timer = setInterval(() => {
        const ready = READY.exec(output);
        if (ready) resolveOutcome({ url: ready[1]! });
        else if (existsSync(join(workDir, 'node_modules', 'electron', 'path.txt')) && ELECTRON_STARTED.test(output)) resolveOutcome({ electron: true });
      }, 250);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`"${installAndRun}" exited with ${code} before the app was running:\n${output.slice(-4000)}`));
      });
    });
    if ('electron' in outcome) {
      test.info().annotations.push({ type: 'note', description: 'Electron could be downloaded here: the desktop app started instead of browser mode.' });
      return;
    }
    expect(output).toContain('opens in browser mode instead');
    const response = await page.request.get(outcome.url);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('<div id="app"');
    await page.goto(outcome.url);
    await expect(page.locator('[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
  } finally {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    rmSync(workDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
