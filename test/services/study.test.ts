import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/services/app-services';
import { confBackend } from '../../src/services/conf-backend';
import { invokeMethod } from '../../src/services/dispatch';
import type { Bookmark, BookmarkPage, Progress, ProgressOverview } from '../../src/shared/study';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

function services(dataDir: string) {
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 10, 24, 8, 0, 0, tick++));
  return createAppServices({ dataDir, mode: 'web', version: '9.9.9', backend: confBackend, now });
}

async function call<T>(handlers: ReturnType<typeof services>['handlers'], method: string, input?: unknown): Promise<T> {
  const result = await invokeMethod(handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

describe('bookmarks', () => {
  it('adds bookmarks of every kind, one per target, and keeps them across restarts', async () => {
    const dir = tempDir();
    const { handlers } = services(dir);
    await call(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'envoy' }, title: 'Envoy' });
    await call(handlers, 'bookmarks.add', { target: { kind: 'section', noteId: 'envoy', sectionId: 'architecture' }, title: 'Envoy · 架构', tags: ['xds', 'xds'] });
    await call(handlers, 'bookmarks.add', { target: { kind: 'link', url: 'https://www.envoyproxy.io/' }, title: 'Envoy site' });
    await call(handlers, 'bookmarks.add', { target: { kind: 'url', url: 'https://example.com/post' }, title: 'A post', tags: ['read later'], comment: 'later' });
    const again = await call<Bookmark>(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'envoy' }, title: 'Envoy again' });
    expect(again.title).toBe('Envoy');

    const page = await call<BookmarkPage>(services(dir).handlers, 'bookmarks.list');
    expect(page.total).toBe(4);
    expect(page.items.map((b) => b.title)).toEqual(['A post', 'Envoy site', 'Envoy · 架构', 'Envoy']);
    expect(page.items[2]!.tags).toEqual(['xds']);
    expect(page.tags).toEqual([
      { tag: 'read later', count: 1 },
      { tag: 'xds', count: 1 },
    ]);
  });

  it('keeps every one of many concurrent adds, in the order they were made', async () => {
    const dir = tempDir();
    const { handlers } = services(dir);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => invokeMethod(handlers, 'bookmarks.add', { target: { kind: 'url', url: `https://example.com/${i}` }, title: `Page ${i}` })),
    );
    const page = await call<BookmarkPage>(services(dir).handlers, 'bookmarks.list', { sort: 'oldest', limit: 500 });
    expect(page.total).toBe(60);
    expect(page.items.map((b) => b.title)).toEqual(Array.from({ length: 60 }, (_, i) => `Page ${i}`));
    expect(new Set(page.items.map((b) => b.seq)).size).toBe(60);
  });

  it('filters by text, tag, kind and note, sorts, and pages', async () => {
    const { handlers } = services(tempDir());
    for (const [i, title] of ['Charlie', 'alpha', 'Bravo', '服务网格'].entries()) {
      await call(handlers, 'bookmarks.add', { target: { kind: 'url', url: `https://example.com/${i}` }, title, tags: i % 2 ? ['odd'] : ['even'] });
    }
    await call(handlers, 'bookmarks.add', { target: { kind: 'section', noteId: 'istio', sectionId: 'status' }, title: 'Istio status' });
    const titles = async (input: object) => (await call<BookmarkPage>(handlers, 'bookmarks.list', input)).items.map((b) => b.title);
    expect(await titles({ text: 'ALPHA' })).toEqual(['alpha']);
    expect(await titles({ text: '网格' })).toEqual(['服务网格']);
    expect(await titles({ text: 'example.com/2' })).toEqual(['Bravo']);
    // Chinese titles in pinyin order (the zh collation), then Latin ones alphabetically.
    expect(await titles({ tag: 'odd', sort: 'title' })).toEqual(['服务网格', 'alpha']);
    expect(await titles({ kind: 'section' })).toEqual(['Istio status']);
    expect(await titles({ noteId: 'istio' })).toEqual(['Istio status']);
    expect(await titles({ kind: 'url', sort: 'title' })).toEqual(['服务网格', 'alpha', 'Bravo', 'Charlie']);
    const page = await call<BookmarkPage>(handlers, 'bookmarks.list', { sort: 'oldest', offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 5, items: [{ title: 'alpha' }, { title: 'Bravo' }] });
  });

  it('edits, deletes and undoes a delete exactly as it was', async () => {
    const dir = tempDir();
    const { handlers } = services(dir);
    const a = await call<Bookmark>(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'rkt' }, title: 'rkt' });
    await call(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'docker' }, title: 'Docker' });
    const edited = await call<Bookmark>(handlers, 'bookmarks.update', { id: a.id, revision: a.revision, title: 'rkt (archived)', tags: ['history'], comment: 'see Podman' });
    expect(edited).toMatchObject({ title: 'rkt (archived)', tags: ['history'], comment: 'see Podman', createdAt: a.createdAt, revision: 2 });
    expect(edited.updatedAt > a.updatedAt).toBe(true);

    const removed = await call<Bookmark>(handlers, 'bookmarks.remove', { id: a.id });
    expect((await call<BookmarkPage>(handlers, 'bookmarks.list')).items.map((b) => b.title)).toEqual(['Docker']);
    await call(handlers, 'bookmarks.restore', { id: removed.id });
    const page = await call<BookmarkPage>(services(dir).handlers, 'bookmarks.list');
    expect(page.items.map((b) => b.title)).toEqual(['Docker', 'rkt (archived)']);
    expect(page.items[1]).toEqual(edited);
  });

  it('refuses an edit based on an older revision (another window changed it) and keeps the newer one', async () => {
    const { handlers } = services(tempDir());
    const a = await call<Bookmark>(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'envoy' }, title: 'Envoy' });
    await call(handlers, 'bookmarks.update', { id: a.id, revision: 1, title: 'from window one' });
    expect(await invokeMethod(handlers, 'bookmarks.update', { id: a.id, revision: 1, title: 'from window two' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await call<BookmarkPage>(handlers, 'bookmarks.list')).items[0]).toMatchObject({ title: 'from window one', revision: 2 });
  });

  it('restores only what this process removed, once, and never a record the client made up', async () => {
    const dir = tempDir();
    const { handlers } = services(dir);
    const a = await call<Bookmark>(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'envoy' }, title: 'Envoy' });
    await call(handlers, 'bookmarks.remove', { id: a.id });
    // The old API took a whole record: a client-chosen seq of 2^53 made the file unreadable.
    expect(await invokeMethod(handlers, 'bookmarks.restore', { ...a, seq: 2 ** 53 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invokeMethod(services(dir).handlers, 'bookmarks.restore', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(handlers, 'bookmarks.restore', { id: a.id })).toEqual(a);
    expect(await invokeMethod(handlers, 'bookmarks.restore', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call<BookmarkPage>(services(dir).handlers, 'bookmarks.list')).items).toEqual([a]);
  });

  it('counts a note called "constructor" like any other (no Object.prototype keys)', async () => {
    const dir = tempDir();
    const { handlers } = services(dir);
    await call(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'constructor' }, title: 'c' });
    await call(handlers, 'bookmarks.add', { target: { kind: 'section', noteId: 'constructor', sectionId: 'overview' }, title: 'c2' });
    expect(await call(handlers, 'bookmarks.summary')).toMatchObject({ total: 2, perNote: { constructor: 2 } });
    await call(handlers, 'progress.save', { noteId: 'constructor', sectionId: null, quote: '', percent: 10 });
    expect(await call(services(dir).handlers, 'progress.overview')).toMatchObject({ notes: { constructor: { maxPercent: 10 } } });
  });

  it('summarizes counts per note and the most recent bookmarks', async () => {
    const { handlers } = services(tempDir());
    await call(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'istio' }, title: 'Istio' });
    await call(handlers, 'bookmarks.add', { target: { kind: 'section', noteId: 'istio', sectionId: 'status' }, title: 'Istio status' });
    await call(handlers, 'bookmarks.add', { target: { kind: 'link', url: 'https://istio.io/docs/' }, title: 'Istio docs' });
    expect(await call(handlers, 'bookmarks.summary')).toMatchObject({ total: 3, perNote: { istio: 2 }, recent: [{ title: 'Istio docs' }, { title: 'Istio status' }, { title: 'Istio' }] });
  });

  it('answers bad input and unknown ids with clear errors and changes nothing', async () => {
    const { handlers } = services(tempDir());
    expect(await invokeMethod(handlers, 'bookmarks.add', { target: { kind: 'url', url: 'javascript:alert(1)' }, title: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('target.url') },
    });
    expect(await invokeMethod(handlers, 'bookmarks.add', { target: { kind: 'note', noteId: 'envoy' }, title: '   ' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('title') },
    });
    expect(await invokeMethod(handlers, 'bookmarks.update', { id: 'nope', revision: 1, title: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invokeMethod(handlers, 'bookmarks.restore', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invokeMethod(handlers, 'bookmarks.add', { target: { kind: 'url', url: 'https://user:secret@example.com/' }, title: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('user name or password') },
    });
    expect(await invokeMethod(handlers, 'bookmarks.remove', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invokeMethod(handlers, 'bookmarks.list', { limit: 100_000 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('limit') } });
    expect((await call<BookmarkPage>(handlers, 'bookmarks.list')).total).toBe(0);
  });

  it('moves a damaged bookmarks file aside and reports it instead of resetting it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bookmarks.json'), '{"schemaVersion":1,"nextSeq":0,"bookmarks":[{"oops":true}]}');
    const { notices, bookmarks } = services(dir);
    expect(notices.list()).toMatchObject([{ store: 'bookmarks', kind: 'moved-aside', detail: expect.stringContaining('bookmarks.0') }]);
    expect(readdirSync(dir).some((name) => /^bookmarks\.corrupt-.*\.json$/.test(name))).toBe(true);
    expect(bookmarks.list().total).toBe(0);
  });
});

describe('reading progress', () => {
  it('saves the place, keeps the furthest point, remembers the last note across restarts', async () => {
    const dir = tempDir();
    const { handlers } = services(dir);
    await call(handlers, 'progress.save', { noteId: 'envoy', sectionId: 'architecture', quote: 'Envoy runs', percent: 60 });
    await call(handlers, 'progress.save', { noteId: 'envoy', sectionId: 'concepts', quote: 'A listener', percent: 20 });
    await call(handlers, 'progress.save', { noteId: 'istio', sectionId: null, quote: '', percent: 5 });
    await call(handlers, 'progress.save', { noteId: 'envoy', sectionId: 'concepts', quote: 'A listener', percent: 25 });

    const overview = await call<ProgressOverview>(services(dir).handlers, 'progress.overview');
    expect(overview.last).toMatchObject({ noteId: 'envoy', sectionId: 'concepts', quote: 'A listener', percent: 25, maxPercent: 60, read: false });
    expect(overview.notes.istio).toMatchObject({ percent: 5, v: 1 });
  });

  it('marks a note read and unread without losing the place', async () => {
    const { handlers } = services(tempDir());
    await call(handlers, 'progress.save', { noteId: 'rkt', sectionId: 'status', quote: 'Archived', percent: 40 });
    expect(await call<Progress>(handlers, 'progress.mark', { noteId: 'rkt', read: true })).toMatchObject({ read: true, sectionId: 'status', maxPercent: 40 });
    expect(await call<Progress>(handlers, 'progress.mark', { noteId: 'rkt', read: false })).toMatchObject({ read: false, maxPercent: 40 });
    expect(await call<Progress>(handlers, 'progress.mark', { noteId: 'grpc', read: true })).toMatchObject({ read: true, sectionId: null, percent: 0 });
  });

  it('resets one note or everything', async () => {
    const { handlers } = services(tempDir());
    await call(handlers, 'progress.save', { noteId: 'a', sectionId: null, quote: '', percent: 10 });
    await call(handlers, 'progress.save', { noteId: 'b', sectionId: null, quote: '', percent: 10 });
    expect(await call<ProgressOverview>(handlers, 'progress.reset', { noteId: 'b' })).toMatchObject({ last: null, notes: { a: { percent: 10 } } });
    expect(await call<ProgressOverview>(handlers, 'progress.reset', {})).toEqual({ last: null, notes: {} });
  });

  it('rejects out-of-range or malformed progress', async () => {
    const { handlers } = services(tempDir());
    expect(await invokeMethod(handlers, 'progress.save', { noteId: 'envoy', sectionId: null, quote: '', percent: 101 })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('percent') },
    });
    expect(await invokeMethod(handlers, 'progress.save', { noteId: '../x', sectionId: null, quote: '', percent: 1 })).toMatchObject({ ok: false });
  });
});
