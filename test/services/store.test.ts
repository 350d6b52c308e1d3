import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreNotice } from '../../src/shared/api';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../src/shared/settings';
import { confBackend } from '../../src/services/conf-backend';
import { fileTimestamp, openStoreFile } from '../../src/services/store';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const fixedNow = () => new Date('2026-11-24T10:20:30.456Z');

function open(dataDir: string, notices: StoreNotice[] = []) {
  return openStoreFile({
    name: 'settings',
    dataDir,
    schema: SettingsSchema,
    defaults: DEFAULT_SETTINGS,
    backend: confBackend,
    onNotice: (notice) => notices.push(notice),
    now: fixedNow,
  });
}

describe('openStoreFile', () => {
  it('starts with defaults when there is no file', () => {
    const dir = tempDir();
    const notices: StoreNotice[] = [];
    expect(open(dir, notices).store).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([]);
  });

  it('keeps a valid file as it is', () => {
    const dir = tempDir();
    const saved = { ...DEFAULT_SETTINGS, theme: 'dark', language: 'zh', updatedAt: '2026-11-01T00:00:00.000Z' };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(saved));
    const notices: StoreNotice[] = [];
    expect(open(dir, notices).store).toEqual(saved);
    expect(notices).toEqual([]);
  });

  it('moves a file that is not JSON aside, reports it and starts with defaults', () => {
    const dir = tempDir();
    const broken = '{"theme": "dark", oops';
    writeFileSync(join(dir, 'settings.json'), broken);
    const notices: StoreNotice[] = [];
    const file = open(dir, notices);

    expect(file.store).toEqual(DEFAULT_SETTINGS);
    const movedTo = join(dir, 'settings.corrupt-2026-11-24T10-20-30-456Z.json');
    expect(notices).toEqual([
      { store: 'settings', movedTo, reason: expect.stringMatching(/^not valid JSON/), at: '2026-11-24T10:20:30.456Z' },
    ]);
    expect(readFileSync(movedTo, 'utf8')).toBe(broken);
  });

  it('moves a file with unexpected content aside and names the bad field', () => {
    const dir = tempDir();
    const odd = JSON.stringify({ ...DEFAULT_SETTINGS, theme: 'purple' });
    writeFileSync(join(dir, 'settings.json'), odd);
    const notices: StoreNotice[] = [];
    expect(open(dir, notices).store).toEqual(DEFAULT_SETTINGS);
    expect(notices[0]?.reason).toMatch(/theme/);
    expect(readFileSync(notices[0]!.movedTo, 'utf8')).toBe(odd);
  });

  it('never overwrites an earlier moved-aside file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), 'first broken');
    const first: StoreNotice[] = [];
    open(dir, first);
    writeFileSync(join(dir, 'settings.json'), 'second broken');
    const second: StoreNotice[] = [];
    openStoreFile({
      name: 'settings',
      dataDir: dir,
      schema: SettingsSchema,
      defaults: DEFAULT_SETTINGS,
      backend: confBackend,
      onNotice: (notice) => second.push(notice),
      now: () => new Date('2026-11-24T11:00:00.000Z'),
    });
    const aside = readdirSync(dir).filter((name) => name.includes('.corrupt-'));
    expect(aside).toHaveLength(2);
    expect(readFileSync(first[0]!.movedTo, 'utf8')).toBe('first broken');
    expect(readFileSync(second[0]!.movedTo, 'utf8')).toBe('second broken');
  });

  it('writes changes to disk for the next start', () => {
    const dir = tempDir();
    const file = open(dir);
    file.store = { ...DEFAULT_SETTINGS, theme: 'light' };
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).theme).toBe('light');
    expect(open(dir).store.theme).toBe('light');
    expect(existsSync(join(dir, 'settings.json.tmp'))).toBe(false);
  });

  it('formats timestamps safely for file names', () => {
    expect(fileTimestamp(fixedNow())).toBe('2026-11-24T10-20-30-456Z');
  });
});
