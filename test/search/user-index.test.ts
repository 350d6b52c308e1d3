import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../src/shared/search/engine';
import { mergeResults, UserIndex, type UserSearchDocument } from '../../src/shared/search/user-index';
import { stemTerm } from '../../src/shared/search/pipeline';
import { tokenizeRuns } from '../../src/shared/search/tokenizer';
import { seededRandom } from '../../scripts/bench/synthetic-corpus';

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

/**
 * The index's scores, checked against BM25 computed from scratch (lunr's idf, k1 1.2, b 0.75,
 * field boosts title 8, tags 2, body 1, times the squared share of query words matched) over
 * random bilingual documents, so the index's bookkeeping (slots, postings, document frequencies,
 * compaction) can change without changing a single score.
 */
describe('the live user index scores like BM25 from scratch', () => {
  const WORDS = ['envoy', 'listener', 'listeners', 'filter', 'chain', 'xds', 'the', 'proxy', 'mesh', '服务网格', '监听器', '过滤器链', '控制平面', '數據平面', '可观测性'];
  const BOOSTS = { title: 8, tags: 2, body: 1 } as const;
  const random = seededRandom(7);
  const phrase = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const randomDoc = (id: string) => doc(id, phrase(1 + Math.floor(random() * 4)), phrase(Math.floor(random() * 12)), random() < 0.5 ? [phrase(1)] : []);

  const termsOf = (text: string) => tokenizeRuns(text).flatMap((run) => (run.han ? run.terms : [stemTerm(run.text)].filter((t): t is string => t !== null)));
  function expected(docs: readonly UserSearchDocument[], queryTerms: readonly string[]): Map<string, number> {
    const fields = docs.map((d) => ({ title: termsOf(d.title), tags: termsOf(d.tags.join('\n')), body: termsOf(d.body) }));
    const average = (f: keyof typeof BOOSTS) => fields.reduce((n, x) => n + x[f].length, 0) / docs.length || 1;
    const scores = new Map<string, number>();
    docs.forEach((d, i) => {
      let score = 0;
      let matched = 0;
      for (const term of queryTerms) {
        const df = fields.filter((x) => Object.values(x).some((ts) => ts.includes(term))).length;
        if (!Object.values(fields[i]!).some((ts) => ts.includes(term))) continue;
        matched++;
        const idf = Math.log(1 + Math.abs((docs.length - df + 0.5) / (df + 0.5)));
        for (const f of ['title', 'tags', 'body'] as const) {
          const tf = fields[i]![f].filter((t) => t === term).length;
          if (tf === 0) continue;
          const norm = 1.2 * (1 - 0.75 + (0.75 * fields[i]![f].length) / average(f));
          score += idf * BOOSTS[f] * ((tf * 2.2) / (tf + norm));
        }
      }
      if (matched > 0) scores.set(d.ref, score * (matched / queryTerms.length) ** 2);
    });
    return scores;
  }
  const actual = (index: UserIndex, query: string) => new Map(index.search(`${query} `, { limit: 1000 }).map((r) => [r.ref, r.score]));
  const round = (scores: Map<string, number>) => new Map([...scores].map(([ref, s]) => [ref, Math.round(s * 1000) / 1000]));

  it('after a reset and after removes (which compact the index), for Latin, Chinese and Traditional queries', () => {
    let docs = Array.from({ length: 120 }, (_, i) => randomDoc(String(i)));
    const index = new UserIndex();
    index.reset(docs);
    const queries = ['listener', 'xds proxies', '服务网格', '數據平面', 'envoy 控制', 'the filter chain'];
    for (const query of queries) expect(actual(index, query)).toEqual(round(expected(docs, termsOf(query))));
    for (const gone of docs.slice(0, 80)) index.remove(gone.ref);
    docs = docs.slice(80);
    // Removes keep the other documents' weights (against the field lengths of when they came), so
    // only what matches is exact here; the idf is always exact.
    for (const query of queries) expect([...actual(index, query).keys()].sort()).toEqual([...expected(docs, termsOf(query)).keys()].sort());
    index.reset(docs);
    for (const query of queries) expect(actual(index, query)).toEqual(round(expected(docs, termsOf(query))));
  });

  it('an upserted document scores as if the index had been built with it', () => {
    const docs = Array.from({ length: 60 }, (_, i) => randomDoc(String(i)));
    const grown = new UserIndex();
    grown.reset(docs.slice(0, 59));
    grown.upsert(docs[59]!);
    const built = new UserIndex();
    built.reset(docs);
    for (const query of ['listener', 'mesh', '监听器', 'filter chain']) {
      expect([...actual(grown, query).keys()].sort()).toEqual([...actual(built, query).keys()].sort());
    }
    expect(actual(grown, 'listener').get(docs[59]!.ref)).toBeCloseTo(actual(built, 'listener').get(docs[59]!.ref) ?? 0, 0);
  });
});

describe('asking the user index for some kinds only', () => {
  it('fills the limit with those kinds, however many others rank above them', () => {
    const index = new UserIndex();
    const bookmarks = Array.from({ length: 20 }, (_, i) => doc(`b${i}`, 'envoy listeners envoy', 'envoy'));
    const annotation = doc('n', 'a quote', 'envoy once', [], { ref: 'annotation:n', kind: 'annotation' });
    index.reset([...bookmarks, annotation]);
    expect(index.search('envoy', { limit: 5 }).map((r) => r.kind)).toEqual(Array(5).fill('bookmark'));
    expect(index.search('envoy', { limit: 5, kinds: ['annotation'] }).map((r) => r.ref)).toEqual(['annotation:n']);
  });
});
