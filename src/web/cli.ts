/**
 * `npm run web`: builds the renderer if needed and serves the app on 127.0.0.1.
 * Prints exactly one line on stdout when ready: "Cloud Native Atlas is running at <url>".
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import open from 'open';
import { defaultUserDataDir } from '../shared/paths';
import { buildRenderer, rendererIsStale } from './renderer-build';
import { startWebServer } from './server';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const USAGE = `Usage: npm run web -- [--port <n>] [--data-dir <dir>] [--open] [--no-build]
  --port <n>        port on 127.0.0.1 (0, the default, picks a free one)
  --data-dir <dir>  where settings and study data live (default: $ATLAS_DATA_DIR or the app's user data folder)
  --open            open the app in the default browser
  --no-build        serve out/renderer as it is, even if sources changed`;

export interface WebCliOptions {
  port: number;
  dataDir: string;
  open: boolean;
  build: boolean;
}

export function parseWebCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): WebCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) throw new UsageError('');
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  const dataDir =
    values['data-dir'] ?? (env['ATLAS_DATA_DIR'] || defaultUserDataDir({ platform: process.platform, home: homedir(), env }));
  return { port, dataDir: resolve(dataDir), open: values.open, build: !values['no-build'] };
}

export class UsageError extends Error {}

export async function runWebCli(argv: readonly string[]): Promise<void> {
  let options: WebCliOptions;
  try {
    options = parseWebCliArgs(argv, process.env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message ? `${message}\n\n${USAGE}` : USAGE);
    process.exit(message ? 2 : 0);
  }
  if (options.build && rendererIsStale(projectRoot)) {
    console.error('Building the app for browser mode…');
    buildRenderer(projectRoot);
  }
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const server = await startWebServer({
    port: options.port,
    dataDir: options.dataDir,
    rendererDir: join(projectRoot, 'out', 'renderer'),
    version,
  });
  console.log(`Cloud Native Atlas is running at ${server.url}`);
  if (options.open) {
    open(server.url).catch(() => console.error('Could not open a browser: open the address above yourself.'));
  }
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runWebCli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`Cloud Native Atlas could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
