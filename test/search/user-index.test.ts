import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../src/shared/search/engine';
import { mergeResults, UserIndex, type UserSearchDocument } from '../../src/shared/search/user-index';

const doc = (id: string, title: string, body = '', tags: string[] = [], extra: Partial<UserSearchDocument> = {}): UserSearchDocument => ({
  ref: `bookmark:${id}`, kind: 'bookmark', noteId: 'envoy', sectionId: null, pageId: null, url: null, title, tags, body, ...extra,
});
const refs = (index: UserIndex, query: string) => index.search(query, { limit: 10 }).map((r) => r.ref);

describe('the live user index', () => {
  it('finds a record by title, tag or comment, in English and Chinese, with the last word as a prefix', () => {
    const index = new UserIndex();
    index.reset([doc('a', 'Envoy listeners', '复习监听器和过滤器链', ['proxy']), doc('b', 'Istio canary', 'weights 90/10', ['发布'])]);
    expect(refs(index, 'listeners')).toEqual(['bookmark:a']);
    expect(refs(index, '监听器')).toEqual(['bookmark:a']);
    expect(refs(index, '发布')).toEqual(['bookmark:b']);
    expect(refs(index, 'cana')).toEqual(['bookmark:b']);
    expect(refs(index, 'listener')).toEqual(['bookmark:a']); // stemmed like the bundled index
  });

  it('adds, updates and removes one document without a rebuild', () => {
    const index = new UserIndex();
    index.upsert(doc('a', 'first title'));
    index.upsert(doc('b', 'second'));
    expect(index.size).toBe(2);
    index.apply({ op: 'upsert', document: doc('a', 'renamed entirely') });
    expect(refs(index, 'first')).toEqual([]);
    expect(refs(index, 'renamed')).toEqual(['bookmark:a']);
    index.apply({ op: 'remove', ref: 'bookmark:a' });
    expect(refs(index, 'renamed')).toEqual([]);
    expect(index.size).toBe(1);
    index.remove('bookmark:nope');
    expect(index.size).toBe(1);
  });

  it('ranks a title match above a comment match and a record with every word above one with some', () => {
    const index = new UserIndex();
    index.reset([doc('body', 'Notes', 'about xds and ads'), doc('title', 'xDS deep dive'), doc('both', 'xDS ADS ordering')]);
    expect(refs(index, 'xds ads')[0]).toBe('bookmark:both');
    expect(refs(index, 'xds')[0]).not.toBe('bookmark:body');
  });

  it('keeps markup in user text as text in results', () => {
    const index = new UserIndex();
    index.upsert(doc('x', '<img src=x onerror=alert(1)>', '<script>alert(1)</script> payload'));
    const [result] = index.search('payload');
    expect(result!.title).toBe('<img src=x onerror=alert(1)>');
    expect(result!.snippet).toContain('<script>alert(1)</script>');
  });
});

describe('merging bundled and user results', () => {
  const result = (ref: string, score: number, pinned = false): SearchResult => ({
    ref, kind: ref.startsWith('bookmark') ? 'bookmark' : 'section', noteId: null, sectionId: null, url: null, category: null, title: ref, score, snippet: '', highlights: [], pinned,
  });

  it('interleaves by score and keeps pinned names first', () => {
    const merged = mergeResults([result('note:envoy', 1, true), result('section:a', 5), result('section:b', 2)], [result('bookmark:x', 9), result('bookmark:y', 3)], 4);
    expect(merged.map((r) => r.ref)).toEqual(['note:envoy', 'bookmark:x', 'section:a', 'bookmark:y']);
  });
});
