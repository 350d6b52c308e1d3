/**
 * Starts the app in browser mode (`src/web/cli.ts`) on its own data folder, the way `npm run web`
 * does, and waits for its "running at" line rather than sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const READY = /Cloud Native Atlas is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
}

export class WebApp {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  /** The e2e script builds once beforehand, so the server is started with --no-build. */
  static async start(dataDir: string): Promise<WebApp> {
    // One process (tsx as a loader, not its CLI wrapper), so `stop()`'s SIGTERM reaches the server's
    // own handler, which closes it and releases the data folder's lock before the process exits. The
    // wrapper SIGKILLs its child when the child is slow to acknowledge a signal, leaving the lock behind.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/web/cli.ts', '--port', '0', '--data-dir', dataDir, '--no-build'],
      // Every answer is checked against the contract's output schemas while the E2E tests run.
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ATLAS_CHECK_OUTPUTS: '1' } },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolveUrl, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`browser mode did not start in 30 s\n${stderr}`)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = READY.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`browser mode exited with ${code}\n${stderr}`));
      });
    });
    return new WebApp(child, url, dataDir);
  }

  /** The address with a view selected, e.g. `#/settings`. */
  at(hash: string): string {
    return `${this.url}${hash}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    await exited;
  }
}
