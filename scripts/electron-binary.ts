/**
 * Where the Electron binary is, without importing the electron package (scripts never do):
 * the package records the binary's name in path.txt once its postinstall has downloaded it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinaryPath(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(env['ELECTRON_OVERRIDE_DIST_PATH'] || join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
