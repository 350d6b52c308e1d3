import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderLockedError, lockDataFolder, lockedMessage } from '../../src/services/data-lock';
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
