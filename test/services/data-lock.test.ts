import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderLockedError, holderIsGone, lockDataFolder, lockedMessage, waitingMessage } from '../../src/services/data-lock';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

describe('the data folder lock', () => {
  it('lets one holder in, refuses a second with the holder named, and frees the folder on release', async () => {
    const dir = tempDir();
    const first = await lockDataFolder(dir, 'electron');
    const refused = await lockDataFolder(dir, 'web').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as DataFolderLockedError).owner).toMatchObject({ mode: 'electron', pid: process.pid });
    expect((refused as Error).message).toMatch(/in use by the desktop app \(process \d+ on .+\): close it, or start browser mode on another folder with --data-dir <folder>\.$/);
    await first.release();
    expect(existsSync(join(dir, '.atlas.lock'))).toBe(false);
    const second = await lockDataFolder(dir, 'web');
    await second.release();
  });

  it('tells the desktop app how to proceed when browser mode holds the folder', () => {
    expect(lockedMessage('/data', { mode: 'web', pid: 42, host: 'box', since: '2026-11-26T09:00:00.000Z' }, 'electron')).toBe(
      'The data folder /data is in use by browser mode (npm run web) (process 42 on box, since 2026-11-26T09:00:00.000Z): close it (or stop `npm run web`), then start the desktop app again.',
    );
    expect(lockedMessage('/data', null, 'web')).toContain('in use by another Cloud Native Atlas process');
  });
});

describe('a lock left behind by a process that is gone', () => {
  /** The pid of a process that has already exited. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', '0']);
    return child.pid!;
  }

  it('is waited out and taken over once it goes stale, with one message first', async () => {
    const dir = tempDir();
    // What a crash leaves: the lock directory (fresh, so not stale yet) and the owner record.
    mkdirSync(join(dir, '.atlas.lock'));
    const owner = { mode: 'web', pid: deadPid(), host: hostname(), since: new Date().toISOString() };
    writeFileSync(join(dir, '.atlas.lock-owner.json'), JSON.stringify(owner));
    const waited: number[] = [];
    const started = Date.now();
    const lock = await lockDataFolder(dir, 'electron', { staleMs: 2000, onWaiting: (gone) => waited.push(gone?.pid ?? -1) });
    expect(waited).toEqual([owner.pid]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(JSON.parse(readFileSync(join(dir, '.atlas.lock-owner.json'), 'utf8'))).toMatchObject({ mode: 'electron', pid: process.pid });
    await lock.release();
  });

  it('is waited out too when the holder left no record of itself', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.atlas.lock'));
    const waited: (number | null)[] = [];
    const lock = await lockDataFolder(dir, 'web', { staleMs: 2000, onWaiting: (gone) => waited.push(gone?.pid ?? null) });
    expect(waited).toEqual([null]);
    await lock.release();
    expect(existsSync(join(dir, '.atlas.lock'))).toBe(false);
  });

  it('is refused at once while its holder still runs, or runs on another machine', async () => {
    expect(holderIsGone({ mode: 'web', pid: deadPid(), host: hostname(), since: '' })).toBe(true);
    expect(holderIsGone({ mode: 'web', pid: process.pid, host: hostname(), since: '' })).toBe(false);
    expect(holderIsGone({ mode: 'web', pid: 12345, host: hostname(), since: '' }, () => true)).toBe(false);
    expect(holderIsGone({ mode: 'web', pid: deadPid(), host: `not-${hostname()}`, since: '' })).toBe(false);
    expect(holderIsGone(null)).toBe(false);
  });

  it('names the gone process in what it prints', () => {
    expect(waitingMessage('/data', { mode: 'web', pid: 42, host: 'box', since: '' })).toBe(
      'The data folder /data is still locked by process 42, which is no longer running (it probably crashed); waiting up to 20 s for its lock to expire…',
    );
    expect(waitingMessage('/data', null)).toContain('a process that left no record of itself');
  });
});
