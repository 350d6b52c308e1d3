/**
 * `npm start`: runs the desktop app. Where the Electron binary is missing it tries Electron's own
 * installer once; if that fails (no internet), it says so in one sentence and starts browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL_TIMEOUT_MS = 120_000;

const electronBinary = (): string | null => electronBinaryPath(projectRoot);

function tryInstallElectron(): boolean {
  const installer = join(projectRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  console.error('The Electron binary is not installed yet; downloading it once (this needs internet)…');
  const result = spawnSync(process.execPath, [installer], {
    cwd: join(projectRoot, 'node_modules', 'electron'),
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: INSTALL_TIMEOUT_MS,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  return result.status === 0 && electronBinary() !== null;
}

function run(script: string, args: readonly string[]): void {
  const child = spawn(process.execPath, [script, ...args], { cwd: projectRoot, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

if (electronBinary() || tryInstallElectron()) {
  run(join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['preview']);
} else {
  console.error(
    'The Electron binary is missing and could not be downloaded, so Cloud Native Atlas opens in browser mode instead ' +
      '(to get the desktop app, run `node node_modules/electron/install.js` with internet access, then `npm start` again).',
  );
  run(join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), [join(projectRoot, 'src', 'web', 'cli.ts'), '--open']);
}
