/**
 * The live user index at scale: 10,000 user documents (bookmark-like: a bilingual title, tags, a
 * comment of 10–60 words drawn from the bundled notes' own vocabulary), as the search worker holds
 * them. Measures building it at start (in fresh processes, as the worker starts cold) and again
 * in this one, p95 of one add, update and remove, and p95 of a query answered by the bundled engine
 * and the user index together, merged (answerQuery, what the search worker does).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchEngine } from '../../src/shared/search/engine';
import { answerQuery } from '../../src/shared/search/answer';
import { UserIndex, type UserSearchDocument } from '../../src/shared/search/user-index';
import { seededRandom } from './synthetic-corpus';
import { p95, percentile, round as roundTo, time as timed } from './timing';

export interface UserIndexBench {
  documents: number;
  /** Building it at start in a fresh process (cold), median of STARTS processes, and each of them. */
  startMs: number;
  startRunsMs: number[];
  /** Building it again in this process (warm), as a compaction does. */
  rebuildMs: number;
  addP95Ms: number;
  updateP95Ms: number;
  removeP95Ms: number;
  mergedQueryP95Ms: number;
  queries: number;
}

const CHANGES = 200;
const STARTS = 3;
const here = dirname(fileURLToPath(import.meta.url));

/** Cold starts, each in a new Node process (see user-index-start.ts). */
function freshStarts(documents: readonly UserSearchDocument[]): number[] {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  try {
    const file = join(folder, 'documents.json');
    writeFileSync(file, JSON.stringify(documents));
    return Array.from({ length: STARTS }, () => {
      const output = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'user-index-start.ts'), file], { encoding: 'utf8', cwd: join(here, '..', '..') });
      return (JSON.parse(output) as { ms: number }).ms;
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** How long `run` took, in milliseconds. */
function time(run: () => unknown): number {
  return timed(run)[1];
}

/** Words to write user documents with: the bundled texts' own words, so queries hit both indexes. */
export function userDocuments(count: number, words: readonly string[], seed = 11): UserSearchDocument[] {
  const random = seededRandom(seed);
  const pick = (): string => words[Math.floor(random() * words.length)]!;
  const phrase = (n: number): string => Array.from({ length: n }, pick).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    ref: `bookmark:bench-${i}`,
    kind: 'bookmark' as const,
    noteId: null,
    sectionId: null,
    pageId: null,
    url: `https://example.com/${i}`,
    title: phrase(3 + Math.floor(random() * 5)),
    tags: [pick(), pick()],
    body: phrase(10 + Math.floor(random() * 50)),
  }));
}

/**
 * @param warmup queries asked first (not timed), so postings the bundled engine decodes on first
 *   use are decoded, as in a worker that has answered a few searches; the timed queries differ.
 */
export function benchUserIndex(bundled: SearchEngine, words: readonly string[], queries: readonly string[], warmup: readonly string[], count = 10_000): UserIndexBench {
  const documents = userDocuments(count, words);
  const starts = freshStarts(documents);
  const index = new UserIndex();
  index.reset(documents);
  const rebuildMs = time(() => index.reset(documents));
  const extra = userDocuments(CHANGES, words, 99).map((doc, i) => ({ ...doc, ref: `bookmark:extra-${i}` }));
  const adds = extra.map((doc) => time(() => index.upsert(doc)));
  const updates = extra.map((doc) => time(() => index.upsert({ ...doc, title: `${doc.title} edited` })));
  const removes = extra.map((doc) => time(() => index.remove(doc.ref)));
  for (const query of warmup) answerQuery(bundled, index, query, { limit: 30 });
  const merged = queries.map((query) => time(() => answerQuery(bundled, index, query, { limit: 30 })));
  const round = (n: number): number => roundTo(n, 3);
  return {
    documents: count,
    startMs: Math.round(percentile(starts, 50)),
    startRunsMs: starts.map((ms) => Math.round(ms)),
    rebuildMs: Math.round(rebuildMs),
    addP95Ms: round(p95(adds)),
    updateP95Ms: round(p95(updates)),
    removeP95Ms: round(p95(removes)),
    mergedQueryP95Ms: round(p95(merged)),
    queries: queries.length,
  };
}
