/**
 * The labelled query set (test/search/labelled-queries.json) and recall@k over it: a query is a hit
 * when a top-k result belongs to the expected note (and, for a section-level query, is that section
 * or a glossary term or sub-section inside it), or is the expected link.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SearchDocument } from '../../src/shared/search/documents';

const LabelledQuerySchema = z.strictObject({
  query: z.string().min(1),
  expect: z.union([z.strictObject({ noteId: z.string(), sectionId: z.string().optional() }), z.strictObject({ url: z.url() })]),
  tags: z.array(z.string()).default([]),
});
export type LabelledQuery = z.infer<typeof LabelledQuerySchema>;

export function readLabelledQueries(file: string): LabelledQuery[] {
  return z.array(LabelledQuerySchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function isHit(expected: LabelledQuery['expect'], document: Pick<SearchDocument, 'noteId' | 'url' | 'sectionId' | 'kind'> & { parentSectionId?: string | null }): boolean {
  if (!('noteId' in expected)) return document.url === expected.url;
  if (document.noteId !== expected.noteId) return false;
  if (expected.sectionId === undefined) return true;
  // A note result opens the note at its top, which is its overview.
  const landsAt = document.sectionId ?? (document.kind === 'note' ? 'overview' : null);
  return landsAt === expected.sectionId || document.parentSectionId === expected.sectionId;
}

/** How a query's expectation is written in a miss list. */
export function describeExpectation(expected: LabelledQuery['expect']): string {
  if (!('noteId' in expected)) return expected.url;
  return expected.sectionId ? `${expected.noteId}#${expected.sectionId}` : expected.noteId;
}

export interface RecallReport {
  recall: number;
  misses: { query: string; expected: string; got: string[] }[];
}

/** recall@k of `search` (which returns refs) over the labelled set. */
export function recallAt(
  k: number,
  queries: readonly LabelledQuery[],
  documents: readonly SearchDocument[],
  search: (query: string, limit: number) => string[],
): RecallReport {
  const byRef = new Map(documents.map((document) => [document.ref, document]));
  const misses: RecallReport['misses'] = [];
  for (const { query, expect } of queries) {
    const refs = search(query, k).slice(0, k);
    const hit = refs.some((ref) => {
      const document = byRef.get(ref);
      return document !== undefined && isHit(expect, document);
    });
    if (!hit) misses.push({ query, expected: describeExpectation(expect), got: refs });
  }
  return { recall: queries.length === 0 ? 0 : (queries.length - misses.length) / queries.length, misses };
}
