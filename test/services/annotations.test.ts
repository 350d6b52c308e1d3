/**
 * The annotations service through the contract, as the renderer calls it: document order (notes,
 * then saved pages), filters, pages, tag counts, edits against a revision, remove and undo, and
 * the records surviving a restart.
 */
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/services/app-services';
import { confBackend } from '../../src/services/conf-backend';
import { invokeMethod } from '../../src/services/dispatch';
import { describeRange } from '../../src/shared/anchoring/selectors';
import type { Annotation, AnnotationPage } from '../../src/shared/annotations';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const TEXT = 'Listeners accept connections; filter chains process them; clusters group endpoints.';
const PAGE = '0f1e2d3c-aaaa-4bbb-8ccc-123456789abc';

function services(dataDir: string) {
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 10, 26, 8, 0, 0, tick++));
  return createAppServices({ dataDir, mode: 'web', version: '9.9.9', backend: confBackend, now }).handlers;
}

async function call<T>(handlers: ReturnType<typeof services>, method: string, input?: unknown): Promise<T> {
  const result = await invokeMethod(handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

function add(handlers: ReturnType<typeof services>, source: { noteId: string } | { pageId: string }, start: number, extra: object = {}) {
  return call<Annotation>(handlers, 'annotations.add', {
    ...source, language: 'en', sectionId: null, selectors: describeRange(TEXT, start, start + 9), color: 'yellow', ...extra,
  });
}

describe('annotations service', () => {
  it('lists in document order: notes by id, then saved pages; within one, by place in the text', async () => {
    const handlers = services(tempDir());
    await add(handlers, { pageId: PAGE }, 0);
    await add(handlers, { noteId: 'istio' }, 30);
    await add(handlers, { noteId: 'envoy' }, 30);
    await add(handlers, { noteId: 'istio' }, 0);
    await add(handlers, { noteId: 'envoy' }, 0, { language: 'zh' });
    const page = await call<AnnotationPage>(handlers, 'annotations.list');
    expect(page.items.map((a) => [a.noteId ?? `page`, a.language, a.selectors.position.start])).toEqual([
      ['envoy', 'en', 30],
      ['envoy', 'zh', 0],
      ['istio', 'en', 0],
      ['istio', 'en', 30],
      ['page', 'en', 0],
    ]);
  });

  it('filters by note, page, colour, tag and text, pages through the results and counts tags', async () => {
    const handlers = services(tempDir());
    await add(handlers, { noteId: 'envoy' }, 0, { color: 'green', tags: ['xds', 'review'], comment: 'Why listeners first?' });
    await add(handlers, { noteId: 'envoy' }, 10, { tags: ['review'] });
    await add(handlers, { noteId: 'istio' }, 20, { color: 'green' });
    await add(handlers, { pageId: PAGE }, 30, { comment: '复习 clusters' });
    const list = (input: object) => call<AnnotationPage>(handlers, 'annotations.list', input);

    expect((await list({ noteId: 'envoy' })).total).toBe(2);
    expect((await list({ pageId: PAGE })).items.map((a) => a.comment)).toEqual(['复习 clusters']);
    expect((await list({ color: 'green' })).items.map((a) => a.noteId)).toEqual(['envoy', 'istio']);
    expect((await list({ tag: 'xds' })).total).toBe(1);
    expect((await list({ text: 'LISTENERS FIRST' })).total).toBe(1);
    expect((await list({ text: '复习' })).total).toBe(1);
    const second = await list({ offset: 1, limit: 2 });
    expect([second.total, second.items.length, second.items[0]!.selectors.position.start]).toEqual([4, 2, 10]);
    expect(second.tags).toEqual([
      { tag: 'review', count: 2 },
      { tag: 'xds', count: 1 },
    ]);
  });

  it('edits against the revision it was based on, refuses a stale edit, and undoes a removal', async () => {
    const dir = tempDir();
    const handlers = services(dir);
    const made = await add(handlers, { noteId: 'envoy' }, 0);
    const edited = await call<Annotation>(handlers, 'annotations.update', { id: made.id, revision: made.revision, comment: 'first thought', color: 'pink' });
    expect([edited.revision, edited.comment, edited.color]).toEqual([2, 'first thought', 'pink']);
    const stale = await invokeMethod(handlers, 'annotations.update', { id: made.id, revision: 1, comment: 'lost?' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await call(handlers, 'annotations.remove', { id: made.id });
    expect((await call<AnnotationPage>(handlers, 'annotations.list')).total).toBe(0);
    await call(handlers, 'annotations.restore', { id: made.id });
    const restarted = await call<AnnotationPage>(services(dir), 'annotations.list');
    expect(restarted.items).toMatchObject([{ id: made.id, comment: 'first thought', color: 'pink', revision: 2 }]);
    expect(await invokeMethod(handlers, 'annotations.remove', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
