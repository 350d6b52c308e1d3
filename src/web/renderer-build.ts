/** Builds the app with electron-vite when the renderer bundle is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of any file under `paths` (folders are walked). */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

export function rendererIsStale(projectRoot: string): boolean {
  const built = join(projectRoot, 'out', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src/renderer', 'src/shared', 'resources', 'data', 'electron.vite.config.ts', 'package.json'];
  return newestMtime(sources.map((source) => join(projectRoot, source))) > statSync(built).mtimeMs;
}

/** Runs the build with its output on stderr, so stdout keeps only the "running at" line. */
export function buildRenderer(projectRoot: string): void {
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    throw new Error(`The build failed (electron-vite build exited with ${result.status ?? result.signal}).`);
  }
}
