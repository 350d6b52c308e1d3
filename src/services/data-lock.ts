/**
 * One writer per data folder. The desktop app and browser mode share the default folder; two
 * processes writing the same JSON files would lose each other's updates. The first process takes a
 * lock (proper-lockfile: a lock directory whose mtime it refreshes, so a crashed holder's lock goes
 * stale after `STALE_MS`) and records who it is; a second one is refused with a sentence naming the
 * holder and what to do. A lock left by a process of this machine that is no longer running (a
 * crash, a kill -9) is waited out instead: it goes stale within `STALE_MS` and is then taken over.
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

export interface LockOptions {
  /** Called for a problem after the lock was taken (proper-lockfile's "compromised"). */
  onLost?: (error: Error) => void;
  /** Told once when the folder's lock was left by a process that is gone and is being waited out. */
  onWaiting?: (owner: LockOwner | null) => void;
  /** For tests: how old an unrefreshed lock must be to count as stale. */
  staleMs?: number;
}

/** What a starting process prints while it waits out a crashed holder's lock. */
export function waitingMessage(dataDir: string, owner: LockOwner | null): string {
  const holder = owner ? `process ${owner.pid}, which is no longer running (it probably crashed)` : 'a process that left no record of itself (it probably stopped while starting or closing)';
  return `The data folder ${dataDir} is still locked by ${holder}; waiting up to ${STALE_MS / 1000} s for its lock to expire…`;
}

/** True when the recorded holder is a process on this machine that no longer exists. */
export function holderIsGone(owner: LockOwner | null, isAlive: (pid: number) => boolean = processIsAlive): boolean {
  return owner !== null && owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder's lock or throws `DataFolderLockedError`. The folder must exist. */
export async function lockDataFolder(dataDir: string, mode: AppMode, options: LockOptions = {}): Promise<DataFolderLock> {
  const lockPath = join(dataDir, LOCK_NAME);
  const ownerPath = join(dataDir, OWNER_NAME);
  const stale = options.staleMs ?? STALE_MS;
  const settings = { lockfilePath: lockPath, stale, update: stale / 4, onCompromised: options.onLost ?? (() => {}) };
  try {
    await lockfile.lock(dataDir, { ...settings, retries: 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = readOwner(ownerPath);
    // A holder that left no record stopped between taking the lock and writing who it is, or while
    // letting go; a live one keeps refreshing the lock, so waiting for staleness is safe either way.
    if (owner !== null && !holderIsGone(owner)) throw new DataFolderLockedError(dataDir, owner, mode);
    options.onWaiting?.(owner);
    // A crashed holder refreshes nothing: its lock goes stale within `stale` ms and is taken then.
    const interval = Math.max(50, Math.round(stale / 20));
    const retries = { retries: Math.ceil((stale * 1.5) / interval), factor: 1, minTimeout: interval, maxTimeout: interval };
    try {
      await lockfile.lock(dataDir, { ...settings, retries });
    } catch (retryError) {
      if ((retryError as NodeJS.ErrnoException).code !== 'ELOCKED') throw retryError;
      throw new DataFolderLockedError(dataDir, readOwner(ownerPath), mode);
    }
  }
  const owner: LockOwner = { mode, pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(ownerPath, `${JSON.stringify(owner, null, 2)}\n`);
  return {
    // Synchronous on purpose: a signal that ends the process right after shutdown begins must not
    // find the record gone and the lock directory still there (the next start would be refused).
    release: async () => {
      rmSync(ownerPath, { force: true });
      try {
        lockfile.unlockSync(dataDir, { lockfilePath: lockPath });
      } catch {
        /* already released, or compromised: nothing left to undo */
      }
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
