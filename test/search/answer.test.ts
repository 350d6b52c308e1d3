import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/content/build';
import { answerQuery } from '../../src/shared/search/answer';
import { buildSearchIndex } from '../../src/shared/search/build-index';
import { searchDocumentsFromBundle } from '../../src/shared/search/documents';
import { SearchEngine } from '../../src/shared/search/engine';
import { UserIndex, type UserSearchDocument } from '../../src/shared/search/user-index';
import { writeFixtureData } from '../content/fixture-data';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

function bundledEngine(): SearchEngine {
  const dir = tempDir();
  writeFixtureData(dir, [
    { id: 'envoy', extra: 'Envoy 是 L7 代理，通过 xDS 协议动态获取配置。Envoy proxies handle retries.' },
    { id: 'istio', related: ['envoy'], extra: 'Istio 的控制平面下发服务网格策略。The control plane configures sidecars.' },
  ]);
  const { bundle, errors } = buildContent(join(dir, 'data'), dir);
  if (!bundle) throw new Error(JSON.stringify(errors));
  const documents = searchDocumentsFromBundle(bundle!);
  return SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(documents))), documents);
}

const record = (kind: UserSearchDocument['kind'], id: string, title: string, body: string): UserSearchDocument => ({
  ref: `${kind}:${id}`, kind, noteId: 'envoy', sectionId: null, pageId: null, url: null, title, tags: [], body,
});

describe('one answer from both indexes', () => {
  const bundled = bundledEngine();
  const user = new UserIndex();
  user.reset([
    ...Array.from({ length: 30 }, (_, i) => record('bookmark', `b${i}`, `xds retries ${i}`, 'xds xds retries')),
    record('annotation', 'a1', 'a quote', 'xds once, in passing'),
  ]);
  const refs = (query: string, options: Parameters<typeof answerQuery>[3]) => answerQuery(bundled, user, query, options).results.map((r) => r.ref);

  it('merges the note, its sections and the user records into one list', () => {
    const found = refs('xds', { limit: 40 });
    expect(found.some((ref) => ref.startsWith('bookmark:'))).toBe(true);
    expect(found.some((ref) => !ref.startsWith('bookmark:') && !ref.startsWith('annotation:'))).toBe(true);
  });

  it('fills the limit with the kinds asked for, however many others outrank them', () => {
    expect(refs('xds', { limit: 5, kinds: ['annotation'] })).toEqual(['annotation:a1']);
    expect(refs('xds', { limit: 5, kinds: ['bookmark'] })).toHaveLength(5);
  });

  it('leaves the user records out under a category filter, and suggests a word when nothing is found', () => {
    expect(refs('xds', { limit: 40, categories: ['service-mesh'] }).some((ref) => ref.startsWith('bookmark:'))).toBe(false);
    expect(answerQuery(bundled, user, 'prxy', { limit: 10 })).toEqual({ results: [], suggestion: 'proxy' });
  });
});
