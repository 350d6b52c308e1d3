import { describe, expect, it, vi } from 'vitest';
import type { AtlasApi } from '../../src/shared/api';
import { fail, ok } from '../../src/shared/result';
import type { Bookmark, BookmarkPage } from '../../src/shared/study';
import { BookmarkList } from '../../src/renderer/features/bookmarks/bookmark-list.svelte';

const bookmark = (id: string, title: string, revision = 1): Bookmark => ({
  v: 2, id, seq: 0, revision, target: { kind: 'note', noteId: 'envoy' }, title, tags: [], comment: '', createdAt: '2026-11-26T00:00:00.000Z', updatedAt: '2026-11-26T00:00:00.000Z',
});
const page = (items: Bookmark[], total = items.length): BookmarkPage => ({ items, total, tags: [] });

describe('the bookmark list state', () => {
  it('asks with its filters, appends the next page, and drops answers to superseded requests', async () => {
    let answer: (value: ReturnType<typeof ok<BookmarkPage>>) => void = () => {};
    const list = vi.fn((input: unknown) =>
      (input as { offset: number }).offset === 100 ? Promise.resolve(ok(page([bookmark('c', 'C')], 3))) : new Promise<ReturnType<typeof ok<BookmarkPage>>>((resolve) => (answer = resolve)),
    );
    const state = new BookmarkList({ bookmarks: { list } } as unknown as AtlasApi, () => {});
    state.text = ' envoy ';
    state.kind = 'note';
    const first = state.load();
    const stale = answer;
    const second = state.load();
    answer(ok(page([bookmark('a', 'A'), bookmark('b', 'B')], 3)));
    stale(ok(page([bookmark('old', 'Old')], 1)));
    await Promise.all([first, second]);
    expect(list).toHaveBeenLastCalledWith({ text: 'envoy', tag: undefined, kind: 'note', sort: 'newest', offset: 0, limit: 100 });
    expect(state.items.map((b) => b.id)).toEqual(['a', 'b']);
    await state.load(100);
    expect(state.items.map((b) => b.id)).toEqual(['a', 'b', 'c']);
    expect(state.filtered).toBe(true);
    state.clearFilters();
    expect(state.filtered).toBe(false);
  });

  it('reloads and reports a conflict when another window changed the bookmark first', async () => {
    const stored = bookmark('a', 'From the other window', 3);
    const api = {
      bookmarks: {
        list: vi.fn(async () => ok(page([stored]))),
        update: vi.fn(async () => fail('CONFLICT', 'changed elsewhere')),
      },
    } as unknown as AtlasApi;
    const state = new BookmarkList(api, () => {});
    const outcome = await state.edit(bookmark('a', 'Mine', 1), { title: 'Mine', tags: [], comment: '' });
    expect(outcome).toEqual({ ok: false, conflict: true, message: 'changed elsewhere' });
    expect(api.bookmarks.update).toHaveBeenCalledWith({ id: 'a', revision: 1, title: 'Mine', tags: [], comment: '' });
    expect(state.items).toEqual([stored]);
  });
});
