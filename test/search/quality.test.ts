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
      const exists = documents.some((d) => ('noteId' in target ? d.noteId === target.noteId : d.url === target.url));
      expect(exists, JSON.stringify(target)).toBe(true);
    }
    expect(report.recall, `misses:\n${report.misses.map((m) => `  ${m.query} → want ${m.expected}, got ${m.got.join(', ')}`).join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });
});
