import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/content/build';
import { buildSearchIndex } from '../../src/shared/search/build-index';
import { searchDocumentsFromBundle } from '../../src/shared/search/documents';
import { SearchEngine, withinOneEdit } from '../../src/shared/search/engine';
import { writeFixtureData } from '../content/fixture-data';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

function engine(): SearchEngine {
  const dir = tempDir();
  writeFixtureData(dir, [
    { id: 'envoy', extra: 'Envoy 是 L7 代理，通过 xDS 协议动态获取配置。Envoy proxies handle retries.' },
    { id: 'istio', related: ['envoy'], extra: 'Istio 的控制平面下发服务网格策略。The control plane configures sidecars.' },
  ]);
  const { bundle, errors } = buildContent(join(dir, 'data'), dir);
  expect(errors).toEqual([]);
  const documents = searchDocumentsFromBundle(bundle!);
  // Round-trip through JSON, as the app loads the prebuilt index.
  return SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(documents))), documents);
}

const top = (search: SearchEngine, query: string, language: 'zh' | 'en' = 'en') =>
  search.search(query, { limit: 5, language }).map((r) => `${r.kind}:${r.noteId}${r.sectionId ? `#${r.sectionId}` : ''}`);

describe('search engine', () => {
  it('finds a section by a Chinese word, including a part of a longer word', () => {
    const search = engine();
    expect(top(search, '服务网格', 'zh')[0]).toBe('section:istio#overview');
    expect(top(search, '网格', 'zh')[0]).toBe('section:istio#overview');
    expect(top(search, '协议', 'zh')[0]).toBe('section:envoy#overview');
  });

  it('handles mixed-language queries and prefers documents with every word', () => {
    const search = engine();
    expect(top(search, 'Envoy 代理', 'zh')[0]).toBe('section:envoy#overview');
    expect(top(search, 'control 策略')[0]).toBe('section:istio#overview');
  });

  it('matches English word forms, prefixes as you type, and typos of long words', () => {
    const search = engine();
    expect(top(search, 'proxy')).toContain('section:envoy#overview');
    expect(top(search, 'sideca')).toContain('section:istio#overview');
    expect(top(search, 'retires')).toContain('section:envoy#overview');
    expect(top(search, 'contorl plane')[0]).toBe('section:istio#overview');
  });

  it('does not expand a finished word as a prefix', () => {
    const search = engine();
    expect(search.expandQuery('env ').groups[0]).toEqual([]);
    expect(search.expandQuery('env').groups[0]!.map((t) => t.term)).toContain('envoy');
  });

  it('finds links by their URL and glossary terms by either language', () => {
    const search = engine();
    expect(search.search('envoyproxy', { limit: 3 })[0]).toMatchObject({ kind: 'link', url: 'https://www.envoyproxy.io/' });
    expect(search.search('边车', { limit: 3, language: 'zh' })[0]).toMatchObject({ kind: 'glossary', noteId: 'istio', title: '边车（sidecar）' });
  });

  it('filters by kind and category and respects the limit', () => {
    const search = engine();
    const links = search.search('istio', { kinds: ['link'], limit: 10 });
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((r) => r.kind === 'link')).toBe(true);
    expect(search.search('istio', { categories: ['runtime'] })).toEqual([]);
    expect(search.search('istio', { limit: 2 })).toHaveLength(2);
  });

  it('returns a snippet around the match with highlight ranges on the matched words', () => {
    const search = engine();
    const [hit] = search.search('xDS', { limit: 1, language: 'zh' });
    expect(hit!.snippet).toContain('xDS');
    const [start, end] = hit!.highlights[0]!;
    expect(hit!.snippet.slice(start, end).toLowerCase()).toBe('xds');
  });

  it('answers nothing for nothing, and treats markup in queries as plain text', () => {
    const search = engine();
    expect(search.search('')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
    expect(search.search('<img src=x onerror=alert(1)>').every((r) => typeof r.snippet === 'string')).toBe(true);
  });

  it('gives the same answer from its cache', () => {
    const search = engine();
    expect(search.search('envoy')).toEqual(search.search('envoy'));
  });
});

describe('edit distance one', () => {
  it.each([
    ['kubernetes', 'kuberntes', true],
    ['envoy', 'envoi', true],
    ['prometheus', 'promehteus', true],
    ['istio', 'istoi', true],
    ['istio', 'itsoi', false],
    ['linkerd', 'linkerd2', true],
    ['grpc', 'grpcio', false],
  ])('%s ~ %s → %s', (a, b, expected) => expect(withinOneEdit(a, b)).toBe(expected));
});
