/**
 * One writer per data folder. The desktop app and browser mode share the default folder; two
 * processes writing the same JSON files would lose each other's updates. The first process takes a
 * lock (proper-lockfile: a lock directory whose mtime it refreshes, so a crashed holder's lock goes
 * stale after `STALE_MS`) and records who it is; a second one is refused with a sentence naming the
 * holder and what to do.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { AppMode } from '../shared/api';

const LOCK_NAME = '.atlas.lock';
const OWNER_NAME = '.atlas.lock-owner.json';
const STALE_MS = 20_000;

export interface LockOwner {
  mode: AppMode;
  pid: number;
  host: string;
  since: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | null,
    mode: AppMode,
  ) {
    super(lockedMessage(dataDir, owner, mode));
  }
}

function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'another Cloud Native Atlas process';
  const what = owner.mode === 'electron' ? 'the desktop app' : 'browser mode (npm run web)';
  return `${what} (process ${owner.pid} on ${owner.host}, since ${owner.since})`;
}

/** One sentence: who holds the folder and how to proceed. */
export function lockedMessage(dataDir: string, owner: LockOwner | null, mode: AppMode): string {
  const advice =
    mode === 'web'
      ? 'close it, or start browser mode on another folder with --data-dir <folder>'
      : 'close it (or stop `npm run web`), then start the desktop app again';
  return `The data folder ${dataDir} is in use by ${describeOwner(owner)}: ${advice}.`;
}

export interface DataFolderLock {
  release(): Promise<void>;
}

/** Takes the data folder's lock or throws `DataFolderLockedError`. The folder must exist. */
export async function lockDataFolder(dataDir: string, mode: AppMode, onLost: (error: Error) => void = () => {}): Promise<DataFolderLock> {
  const lockPath = join(dataDir, LOCK_NAME);
  const ownerPath = join(dataDir, OWNER_NAME);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { lockfilePath: lockPath, stale: STALE_MS, update: STALE_MS / 4, retries: 0, onCompromised: onLost });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new DataFolderLockedError(dataDir, readOwner(ownerPath), mode);
  }
  const owner: LockOwner = { mode, pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(ownerPath, `${JSON.stringify(owner, null, 2)}\n`);
  return {
    release: async () => {
      rmSync(ownerPath, { force: true });
      await release().catch(() => {});
    },
  };
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && (owner.mode === 'web' || owner.mode === 'electron')) {
      return { mode: owner.mode, pid: owner.pid, host: String(owner.host ?? '?'), since: String(owner.since ?? '?') };
    }
  } catch {
    /* no owner file (yet): say "another process" */
  }
  return null;
}
