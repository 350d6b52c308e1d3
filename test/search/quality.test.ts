/**
 * Search quality on the bundled knowledge base: for the labelled query set, the expected note or
 * link must be in the top 5 for at least 95% of queries. A miss list is printed on failure.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/content/build';
import { readLabelledQueries, recallAt } from '../../scripts/bench/labelled';
import { buildSearchIndex } from '../../src/shared/search/build-index';
import { searchDocumentsFromBundle } from '../../src/shared/search/documents';
import { SearchEngine } from '../../src/shared/search/engine';
import { isHanToken } from '../../src/shared/search/tokenizer';

const root = resolve(__dirname, '../..');
const labelled = readLabelledQueries(join(root, 'test/search/labelled-queries.json'));

describe('the labelled query set', () => {
  it('is large, mostly Chinese, and covers typos, prefixes, mixed language, concepts and links', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(60);
    const chinese = labelled.filter((q) => [...q.query].some((c) => isHanToken(c)));
    expect(chinese.length * 2).toBeGreaterThanOrEqual(labelled.length);
    for (const tag of ['typo', 'prefix', 'mixed', 'concept', 'link']) {
      expect(labelled.filter((q) => q.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(5);
    }
    for (const concept of ['时间序列', '分布式追踪', '容器运行时']) expect(labelled.map((q) => q.query)).toContain(concept);
  });
});

describe('search quality on the bundled knowledge base', () => {
  it('puts the expected note or link in the top 5 for at least 95% of labelled queries', () => {
    const { bundle, errors } = buildContent(join(root, 'data'), root);
    expect(errors).toEqual([]);
    const documents = searchDocumentsFromBundle(bundle!);
    const engine = SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(documents))), documents);
    const report = recallAt(5, labelled, documents, (query, limit) => engine.search(query, { limit }).map((r) => r.ref));
    // Every expected target must exist, or a query could never be answered.
    for (const { expect: target } of labelled) {
      const exists = documents.some((d) => ('noteId' in target ? d.noteId === target.noteId && (!target.sectionId || d.sectionId === target.sectionId) : d.url === target.url));
      expect(exists, JSON.stringify(target)).toBe(true);
    }
    expect(report.recall, `misses:\n${report.misses.map((m) => `  ${m.query} → want ${m.expected}, got ${m.got.join(', ')}`).join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });
});

describe('search v2 behaviour on the bundled knowledge base', () => {
  const { bundle } = buildContent(join(root, 'data'), root);
  const documents = searchDocumentsFromBundle(bundle!);
  const engine = SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(documents))), documents);
  const refs = (query: string, limit = 5) => engine.search(query, { limit }).map((r) => r.ref);

  it('ranks the same first results whatever the limit (documents that cannot enter the top are skipped early)', () => {
    const queries = [...labelled.map((q) => q.query), 'the', 'service', '服务', '配置', 'proxy config', '控制平面 数据平面', 'xds'];
    for (const query of queries) {
      const all = refs(query, 80);
      for (const limit of [1, 3, 10]) expect(refs(query, limit), `${query} (limit ${limit})`).toEqual(all.slice(0, limit));
    }
  });

  it.each([
    ['Envoy', 'envoy'],
    ['Kubernetes', 'kubernetes'],
    ['Prometheus', 'prometheus'],
    ['OpenTracing', 'opentracing'],
    ['CNCF', 'cncf'],
    ['Istio', 'istio'],
    ['Linkerd', 'linkerd'],
    ['服务网格', 'service-mesh'],
    ['kube', 'kubernetes'],
    ['普罗米修斯', 'prometheus'],
    ['K8s', 'kubernetes'],
    ['otel', 'opentelemetry'],
  ])('puts the note named %j first, then its own sections and links', (query, noteId) => {
    const results = engine.search(query, { limit: 8 });
    expect(results[0]!.ref).toBe(`note:${noteId}`);
    // Its own sections and links come before anything of another note.
    const firstOther = results.findIndex((result) => result.noteId !== noteId);
    if (firstOther >= 0) expect(results.slice(firstOther).every((result) => result.noteId !== noteId)).toBe(true);
  });

  it('ranks a glossary term typed in full first (after a note of that name)', () => {
    expect(refs('sidecar')[0]).toBe('glossary:sidecar');
    expect(refs('服务网格').slice(0, 2)).toEqual(['note:service-mesh', 'glossary:service-mesh']);
  });

  it.each([
    ['服務網格', '服务网格'],
    ['分散式追蹤', '分布式追踪'],
    ['負載平衡', '负载均衡'],
    ['時間序列資料庫', '时间序列数据库'],
    ['控制平面與資料平面', '控制平面与数据平面'],
    ['容器執行環境', '容器运行时'],
  ])('answers the Traditional %j exactly as the Simplified %j', (traditional, simplified) => {
    expect(refs(traditional, 10)).toEqual(refs(simplified, 10));
    expect(refs(traditional, 10).length).toBeGreaterThan(0);
  });

  it('finds transposed typos and offers "did you mean" when nothing matches', () => {
    expect(refs('opentracign')).toContain('note:opentracing');
    expect(refs('promehteus')).toContain('note:prometheus');
    expect(refs('kuberntes')).toContain('note:kubernetes');
    expect(engine.suggest('opentracign')).toBe('opentracing');
    expect(engine.suggest('envoy')).toBeNull();
  });

  it('gives section and glossary results the heading they open at', () => {
    const section = engine.search('xDS ACK NACK', { limit: 5 }).find((r) => r.kind === 'section');
    expect(section).toMatchObject({ noteId: 'envoy', sectionId: 'ack-nack' });
    expect(engine.search('sidecar', { limit: 1 })[0]).toMatchObject({ kind: 'glossary', sectionId: 'glossary' });
  });

  it('has a labelled set of 120+ queries, a quarter of them natural questions, with Traditional and section-level ones', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(120);
    expect(labelled.filter((q) => q.tags.includes('question')).length * 4).toBeGreaterThanOrEqual(labelled.length);
    expect(labelled.filter((q) => q.tags.includes('traditional')).length).toBeGreaterThanOrEqual(10);
    expect(labelled.filter((q) => 'noteId' in q.expect && q.expect.sectionId).length).toBeGreaterThanOrEqual(60);
  });
});

describe('an exact term outranks a one-typo note name', () => {
  it('puts the istiod term before the Istio note', () => {
    const { bundle } = buildContent(join(root, 'data'), root);
    const documents = searchDocumentsFromBundle(bundle!);
    const engine = SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(documents))), documents);
    expect(engine.search('istiod', { limit: 3 })[0]!.ref).toBe('glossary:istiod');
  });
});
