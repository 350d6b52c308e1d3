import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confBackend } from '../../src/services/conf-backend';
import { ReadOnlyStoreError } from '../../src/services/errors';
import { fileTimestamp, migrateStoreData, openStore, removeStaleTempFiles, type StoreSpec } from '../../src/services/store';
import { bookmarksSpec, settingsSpec } from '../../src/services/store-specs';
import type { StoreNotice } from '../../src/shared/notices';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const fixedNow = () => new Date('2026-11-24T10:20:30.456Z');

function open<T extends Record<string, unknown>>(dataDir: string, spec: StoreSpec<T>, notices: StoreNotice[] = []) {
  return openStore({ spec, dataDir, backend: confBackend, onNotice: (notice) => notices.push(notice), now: fixedNow });
}

const validSettings: Settings = { ...DEFAULT_SETTINGS, theme: 'dark', updatedAt: '2026-11-20T08:00:00.000Z' };

describe('openStore', () => {
  it('starts with defaults when there is no file', () => {
    const notices: StoreNotice[] = [];
    const opened = open(tempDir(), settingsSpec, notices);
    expect(opened.data).toEqual(DEFAULT_SETTINGS);
    expect(opened.writable).toBe(true);
    expect(notices).toEqual([]);
  });

  it('loads a valid file as it is, without rewriting it', () => {
    const dir = tempDir();
    const text = JSON.stringify(validSettings);
    writeFileSync(join(dir, 'settings.json'), text);
    const opened = open(dir, settingsSpec);
    expect(opened.data).toEqual(validSettings);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(text);
  });

  it('reads a file that starts with a UTF-8 byte order mark, and writes it back without one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), `\uFEFF${JSON.stringify(validSettings)}`);
    const notices: StoreNotice[] = [];
    const opened = open(dir, settingsSpec, notices);
    expect(opened.data).toEqual(validSettings);
    expect(notices).toEqual([]);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8').startsWith('\uFEFF')).toBe(false);
    expect(opened.file.store).toEqual(validSettings);
  });

  it.each([
    ['empty', ''],
    ['whitespace-only', ' \n\t\n'],
  ])('moves a %s file aside with a notice instead of treating it as new', (_label, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), content);
    const notices: StoreNotice[] = [];
    const opened = open(dir, settingsSpec, notices);
    const movedTo = join(dir, `settings.corrupt-${fileTimestamp(fixedNow())}.json`);
    expect(opened.data).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(movedTo, 'utf8')).toBe(content);
    expect(notices).toEqual([expect.objectContaining({ store: 'settings', kind: 'moved-aside', reason: 'empty', movedTo, file: join(dir, 'settings.json') })]);
  });

  it('moves unparseable JSON aside and keeps every byte of it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"theme": "dark",');
    const notices: StoreNotice[] = [];
    open(dir, settingsSpec, notices);
    expect(notices[0]).toMatchObject({ kind: 'moved-aside', reason: 'not-json' });
    expect(readFileSync(notices[0]!.movedTo!, 'utf8')).toBe('{"theme": "dark",');
  });

  it('moves a file of the current version that fails validation aside, naming the field in the detail', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...validSettings, theme: 'purple' }));
    const notices: StoreNotice[] = [];
    open(dir, settingsSpec, notices);
    expect(notices[0]).toMatchObject({ kind: 'moved-aside', reason: 'invalid' });
    expect(notices[0]!.detail).toMatch(/^theme: /);
  });

  it('leaves a file written by a newer version untouched and refuses to write it', () => {
    const dir = tempDir();
    const text = JSON.stringify({ schemaVersion: 7, theme: 'sepia', somethingNew: [1, 2, 3] });
    writeFileSync(join(dir, 'settings.json'), text);
    const notices: StoreNotice[] = [];
    const opened = open(dir, settingsSpec, notices);
    expect(opened.writable).toBe(false);
    expect(opened.data).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([expect.objectContaining({ kind: 'newer-version', reason: 'newer', foundVersion: 7, movedTo: null })]);
    expect(() => (opened.file.store = validSettings)).toThrow(ReadOnlyStoreError);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('reports a folder where the file should be, names its path, and keeps running read-only', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'settings.json'));
    const notices: StoreNotice[] = [];
    const opened = open(dir, settingsSpec, notices);
    expect(opened.writable).toBe(false);
    expect(opened.data).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([expect.objectContaining({ kind: 'unusable', reason: 'not-a-file', file: join(dir, 'settings.json') })]);
    expect(() => (opened.file.store = validSettings)).toThrow(join(dir, 'settings.json'));
  });

  it('migrates an older file step by step, keeps a copy of the original, and writes the new version', () => {
    const dir = tempDir();
    const v1 = {
      schemaVersion: 1,
      nextSeq: 1,
      bookmarks: [
        { v: 1, id: 'b1', seq: 0, target: { kind: 'note', noteId: 'envoy' }, title: 'Envoy', tags: [], comment: '', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' },
      ],
    };
    writeFileSync(join(dir, 'bookmarks.json'), JSON.stringify(v1));
    const notices: StoreNotice[] = [];
    const opened = open(dir, bookmarksSpec, notices);
    expect(notices).toEqual([]);
    expect(opened.data.schemaVersion).toBe(2);
    expect(opened.data.bookmarks[0]).toMatchObject({ v: 2, id: 'b1', revision: 1, title: 'Envoy' });
    expect(JSON.parse(readFileSync(join(dir, 'bookmarks.json'), 'utf8'))).toEqual(opened.data);
    expect(JSON.parse(readFileSync(join(dir, 'bookmarks.v1.json'), 'utf8'))).toEqual(v1);
  });

  it('moves a file aside when its migration produces something invalid', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bookmarks.json'), JSON.stringify({ schemaVersion: 1, nextSeq: 0, bookmarks: [{ v: 1, id: '' }] }));
    const notices: StoreNotice[] = [];
    const opened = open(dir, bookmarksSpec, notices);
    expect(opened.data.bookmarks).toEqual([]);
    expect(notices[0]).toMatchObject({ kind: 'moved-aside', reason: 'migration-failed' });
  });

  it.each([
    ['no schemaVersion', { theme: 'dark' }],
    ['a schemaVersion of 0', { ...validSettings, schemaVersion: 0 }],
    ['an array', [1, 2]],
  ])('moves a file with %s aside', (_label, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(content));
    const notices: StoreNotice[] = [];
    open(dir, settingsSpec, notices);
    expect(notices[0]).toMatchObject({ kind: 'moved-aside', reason: 'invalid' });
  });
});

describe('migrateStoreData', () => {
  const spec = {
    name: 'demo',
    version: 3,
    migrations: [
      { from: 1, migrate: (data: Record<string, unknown>) => ({ ...data, a: 1 }) },
      { from: 2, migrate: (data: Record<string, unknown>) => ({ ...data, b: (data['a'] as number) + 1 }) },
    ],
  };

  it('runs each step in order and stamps the version after each', () => {
    expect(migrateStoreData(spec, { schemaVersion: 1 }, 1)).toEqual({ schemaVersion: 3, a: 1, b: 2 });
    expect(migrateStoreData(spec, { schemaVersion: 2, a: 5 }, 2)).toEqual({ schemaVersion: 3, a: 5, b: 6 });
  });

  it('does not change its input', () => {
    const input = { schemaVersion: 1, nested: { x: 1 } };
    migrateStoreData(spec, input, 1);
    expect(input).toEqual({ schemaVersion: 1, nested: { x: 1 } });
  });

  it('names a missing step', () => {
    expect(() => migrateStoreData({ ...spec, migrations: [spec.migrations[0]!] }, { schemaVersion: 1 }, 1)).toThrow('demo: no migration from version 2');
  });
});

describe('removeStaleTempFiles', () => {
  it('removes the temporary files a crash leaves behind, and nothing else', () => {
    const dir = tempDir();
    const keep = ['settings.json', 'bookmarks.corrupt-2026-11-24T10-20-30-456Z.json', 'notes.txt'];
    const stale = ['settings.json.tmp-1764000000abcdef', 'bookmarks.json.atlas-tmp'];
    for (const name of [...keep, ...stale]) writeFileSync(join(dir, name), 'x');
    expect(removeStaleTempFiles(dir).sort()).toEqual([...stale].sort());
    expect(readdirSync(dir).sort()).toEqual([...keep].sort());
    expect(existsSync(join(dir, stale[0]!))).toBe(false);
  });

  it("also clears a saved page's unfinished article file, keeping the saved articles", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pages'));
    writeFileSync(join(dir, 'pages', 'p1.json'), '{}');
    writeFileSync(join(dir, 'pages', 'p2.json.atlas-tmp'), '{');
    expect(removeStaleTempFiles(dir)).toEqual(['pages/p2.json.atlas-tmp']);
    expect(readdirSync(join(dir, 'pages'))).toEqual(['p1.json']);
  });
});
