/**
 * Data folders written by earlier releases open in this build with every record intact. One block
 * per release folder under test/fixtures/store/; the folders are never edited, and this test stays
 * forever. A release that changes a stored schema adds its folder and its block here.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/services/app-services';
import { confBackend } from '../../src/services/conf-backend';
import { invokeMethod } from '../../src/services/dispatch';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'store');

function openRelease(release: string) {
  const dataDir = tempDir();
  cpSync(join(fixtures, release), dataDir, { recursive: true });
  return { dataDir, services: createAppServices({ dataDir, mode: 'web', version: 'test', backend: confBackend }) };
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('a data folder written by release 0.1.0', () => {
  it('opens without a notice and keeps the settings', () => {
    const { services } = openRelease('v0.1.0');
    expect(services.notices.list()).toEqual([]);
    expect(services.settings.get()).toEqual({
      schemaVersion: 1,
      language: 'zh',
      theme: 'dark',
      docsOpening: 'embedded',
      noteLanguage: 'en',
      updatedAt: '2026-11-26T09:08:30.268Z',
    });
  });

  it('keeps every bookmark, field by field, upgraded to revision 1, and keeps the 0.1.0 file beside it', () => {
    const { dataDir, services } = openRelease('v0.1.0');
    const original = readJson(join(fixtures, 'v0.1.0', 'bookmarks.json')) as { nextSeq: number; bookmarks: Record<string, unknown>[] };
    const { items, total } = services.bookmarks.list({ sort: 'oldest' });
    expect(total).toBe(4);
    expect(items).toEqual(original.bookmarks.map((bookmark) => ({ ...bookmark, v: 2, revision: 1 })));
    expect(items.map((b) => b.target.kind)).toEqual(['note', 'section', 'link', 'url']);
    expect(items[1]).toMatchObject({ title: 'Prometheus · 拉模式', comment: '为什么是拉模式？', target: { noteId: 'prometheus', sectionId: 'pull-model' } });
    expect(items[3]!.target).toEqual({ kind: 'url', url: 'https://example.org/blog/service-mesh?x=1#part' });
    expect(readJson(join(dataDir, 'bookmarks.json'))).toMatchObject({ schemaVersion: 2, nextSeq: original.nextSeq });
    expect(readJson(join(dataDir, 'bookmarks.v1.json'))).toEqual(original);
  });

  it('keeps reading progress, the read mark and the last note', () => {
    const { services } = openRelease('v0.1.0');
    const original = readJson(join(fixtures, 'v0.1.0', 'progress.json')) as { notes: Record<string, unknown> };
    const overview = services.progress.overview();
    expect(overview.notes).toEqual(original.notes);
    expect(Object.keys(overview.notes).sort()).toEqual(['envoy', 'istio', 'kubernetes', 'prometheus']);
    expect(overview.notes['kubernetes']).toMatchObject({ read: true });
    expect(overview.notes['envoy']).toMatchObject({ sectionId: 'architecture', quote: 'Envoy 的核心是监听器', percent: 42.5 });
    expect(overview.last).toMatchObject({ noteId: 'istio' });
  });

  it('goes on working after the upgrade: edits, new records, and a second opening', async () => {
    const { dataDir, services } = openRelease('v0.1.0');
    const [first] = services.bookmarks.list({ sort: 'oldest' }).items;
    const edited = await invokeMethod(services.handlers, 'bookmarks.update', { id: first!.id, revision: 1, tags: ['proxy', '复习'] });
    expect(edited).toMatchObject({ ok: true, value: { revision: 2, tags: ['proxy', '复习'] } });
    const reopened = createAppServices({ dataDir, mode: 'web', version: 'test', backend: confBackend });
    expect(reopened.notices.list()).toEqual([]);
    expect(reopened.bookmarks.list({ sort: 'oldest' }).items[0]).toMatchObject({ revision: 2, tags: ['proxy', '复习'] });
  });
});
