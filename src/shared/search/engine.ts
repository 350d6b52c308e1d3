/**
 * Query side of search. The index is lunr's (built by build-index.ts, loaded with lunr.Index.load);
 * scoring is ours, over lunr's inverted index and its precomputed BM25 field weights:
 * - each typed word is one group; a document's score is the sum of its matched terms' weights,
 *   multiplied by the square of the share of groups it matched, so documents with every word rank
 *   first without dropping partial matches;
 * - only the last word (still being typed) is expanded as a prefix, to its most frequent
 *   completions; fuzzy matching (one insertion, deletion, substitution or swap of neighbours) only
 *   for words of 5+ letters that are not in the vocabulary — a typo, not a rare word — checked
 *   against vocabulary terms of nearby length only;
 * - per-term postings are computed once and kept, and whole answers are cached, so typing stays
 *   cheap; only the top results are kept, nothing sorts the whole corpus.
 */
import lunr from 'lunr';
import type { Language } from '../settings';
import type { SearchDocument, SearchKind } from './documents';
import type { SerializedSearchIndex } from './build-index';
import { registerPipeline, stemTerm } from './pipeline';
import { makeSnippet } from './snippet';
import { tokenizeRuns, type QueryToken } from './tokenizer';

export interface SearchOptions {
  limit?: number;
  kinds?: readonly SearchKind[];
  categories?: readonly string[];
  /** The language of titles and snippets. */
  language?: Language;
}

export interface SearchResult {
  ref: string;
  kind: SearchKind;
  noteId: string | null;
  sectionId: string | null;
  url: string | null;
  category: string | null;
  title: string;
  score: number;
  snippet: string;
  highlights: [number, number][];
}

interface Posting {
  docs: Int32Array;
  weights: Float64Array;
}

interface WeightedTerm {
  term: string;
  weight: number;
}

interface LunrInternals {
  invertedIndex: Record<string, Record<string, Record<string, unknown>> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  fields: string[];
}

const PREFIX_EXPANSIONS = 12;
const CACHE_SIZE = 200;
const MIN_FUZZY_LENGTH = 5;

export class SearchEngine {
  private readonly index: LunrInternals;
  private readonly docs: SearchDocument[];
  private readonly docIndexByRef: Map<string, number>;
  private readonly vocabulary: string[];
  private readonly vocabularyByLength = new Map<number, string[]>();
  private readonly postings = new Map<string, Posting>();
  private readonly cache = new Map<string, SearchResult[]>();
  private scores: Float64Array;
  private matchedGroups: Uint16Array;
  private lastGroup: Int32Array;

  private constructor(index: lunr.Index, documents: readonly SearchDocument[]) {
    this.index = index as unknown as LunrInternals;
    this.docs = [...documents];
    this.docIndexByRef = new Map(this.docs.map((doc, i) => [doc.ref, i]));
    this.vocabulary = Object.keys(this.index.invertedIndex).sort();
    for (const term of this.vocabulary) {
      const bucket = this.vocabularyByLength.get(term.length);
      if (bucket) bucket.push(term);
      else this.vocabularyByLength.set(term.length, [term]);
    }
    this.scores = new Float64Array(this.docs.length);
    this.matchedGroups = new Uint16Array(this.docs.length);
    this.lastGroup = new Int32Array(this.docs.length).fill(-1);
  }

  static load(serialized: SerializedSearchIndex, documents: readonly SearchDocument[]): SearchEngine {
    registerPipeline();
    return new SearchEngine(lunr.Index.load(serialized.lunr), documents);
  }

  get documentCount(): number {
    return this.docs.length;
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 10;
    const key = JSON.stringify([query, limit, options.kinds ?? null, options.categories ?? null, options.language ?? 'en']);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const results = this.run(query, limit, options);
    this.cache.set(key, results);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return results;
  }

  /** The groups of weighted index terms a query stands for. */
  expandQuery(query: string): { tokens: QueryToken[]; groups: WeightedTerm[][] } {
    const tokens = tokenizeRuns(query);
    const stillTyping = !/\s$/.test(query);
    const groups: WeightedTerm[][] = [];
    tokens.forEach((token, position) => {
      const isLast = position === tokens.length - 1 && stillTyping;
      if (token.han) {
        if (token.terms.length === 1 && [...token.text].length === 1) {
          groups.push(this.prefixExpansions(token.text, 0.6, null));
          return;
        }
        for (const term of token.terms) {
          const weight = [...term].length > 2 ? 1.5 : 1;
          groups.push(this.hasTerm(term) ? [{ term, weight }] : []);
        }
        return;
      }
      const word = token.text;
      const stem = stemTerm(word);
      if (stem === null && tokens.length > 1) return;
      const group: WeightedTerm[] = [];
      const exact = stem ?? word;
      if (this.hasTerm(exact)) group.push({ term: exact, weight: 1 });
      if (isLast) group.push(...this.prefixExpansions(word, 0.7, exact));
      if (group.length === 0 && word.length >= MIN_FUZZY_LENGTH) group.push(...this.fuzzyExpansions(exact, word));
      groups.push(group);
    });
    return { tokens, groups };
  }

  private hasTerm(term: string): boolean {
    return Object.hasOwn(this.index.invertedIndex, term);
  }

  /** The most frequent vocabulary terms that start with `prefix` (other than `except`). */
  private prefixExpansions(prefix: string, weight: number, except: string | null): WeightedTerm[] {
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.vocabulary[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const candidates: { term: string; df: number }[] = [];
    for (let i = low; i < this.vocabulary.length && this.vocabulary[i]!.startsWith(prefix); i++) {
      const term = this.vocabulary[i]!;
      if (term !== except) candidates.push({ term, df: this.documentFrequency(term) });
    }
    candidates.sort((a, b) => b.df - a.df || a.term.length - b.term.length);
    return candidates.slice(0, PREFIX_EXPANSIONS).map(({ term }) => ({ term, weight }));
  }

  private fuzzyExpansions(stem: string, word: string): WeightedTerm[] {
    const found = new Set<string>();
    for (const candidate of new Set([stem, word])) {
      for (let length = candidate.length - 1; length <= candidate.length + 1; length++) {
        for (const term of this.vocabularyByLength.get(length) ?? []) {
          if (withinOneEdit(candidate, term)) found.add(term);
        }
      }
    }
    return [...found]
      .sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a))
      .slice(0, PREFIX_EXPANSIONS)
      .map((term) => ({ term, weight: 0.5 }));
  }

  private documentFrequency(term: string): number {
    return this.posting(term).docs.length;
  }

  /** Every document that contains `term`, with its weight summed over fields. Computed once. */
  private posting(term: string): Posting {
    const known = this.postings.get(term);
    if (known) return known;
    const entry = this.index.invertedIndex[term];
    const byDoc = new Map<number, number>();
    if (entry) {
      const termIndex = entry._index;
      for (const field of this.index.fields) {
        for (const ref of Object.keys(entry[field] ?? {})) {
          const docIndex = this.docIndexByRef.get(ref);
          const vector = this.index.fieldVectors[`${field}/${ref}`];
          if (docIndex === undefined || !vector) continue;
          byDoc.set(docIndex, (byDoc.get(docIndex) ?? 0) + weightIn(vector.elements, termIndex));
        }
      }
    }
    const posting: Posting = { docs: Int32Array.from(byDoc.keys()), weights: Float64Array.from(byDoc.values()) };
    this.postings.set(term, posting);
    return posting;
  }

  private run(query: string, limit: number, options: SearchOptions): SearchResult[] {
    const { tokens, groups } = this.expandQuery(query);
    const groupCount = groups.length;
    if (groupCount === 0) return [];
    const touched: number[] = [];
    const { scores, matchedGroups, lastGroup } = this;
    groups.forEach((group, groupIndex) => {
      for (const { term, weight } of group) {
        const { docs, weights } = this.posting(term);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          if (lastGroup[doc] === -1) touched.push(doc);
          if (lastGroup[doc] !== groupIndex) {
            matchedGroups[doc]! += 1;
            lastGroup[doc] = groupIndex;
          }
          scores[doc]! += weight * weights[i]!;
        }
      }
    });

    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
    const categories = options.categories && options.categories.length > 0 ? new Set(options.categories) : null;
    const top: { doc: number; score: number }[] = [];
    for (const doc of touched) {
      const coverage = matchedGroups[doc]! / groupCount;
      const score = scores[doc]! * coverage * coverage;
      scores[doc] = 0;
      matchedGroups[doc] = 0;
      lastGroup[doc] = -1;
      const meta = this.docs[doc]!;
      if ((kinds && !kinds.has(meta.kind)) || (categories && !categories.has(meta.category ?? ''))) continue;
      if (top.length < limit || score > top[top.length - 1]!.score) {
        let at = top.length;
        while (at > 0 && top[at - 1]!.score < score) at--;
        top.splice(at, 0, { doc, score });
        if (top.length > limit) top.pop();
      }
    }

    const language = options.language ?? 'en';
    return top.map(({ doc, score }) => {
      const meta = this.docs[doc]!;
      const snippet = makeSnippet(meta.text[language] || meta.text[language === 'zh' ? 'en' : 'zh'], tokens);
      return {
        ref: meta.ref,
        kind: meta.kind,
        noteId: meta.noteId,
        sectionId: meta.sectionId,
        url: meta.url,
        category: meta.category,
        title: meta.title[language],
        score: Math.round(score * 1000) / 1000,
        snippet: snippet.text,
        highlights: snippet.highlights,
      };
    });
  }
}

/** The weight of `termIndex` in a lunr vector's [index, weight, index, weight, …] elements. */
function weightIn(elements: number[], termIndex: number): number {
  let low = 0;
  let high = elements.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = elements[mid * 2]!;
    if (at === termIndex) return elements[mid * 2 + 1]!;
    if (at < termIndex) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}

/** True when `a` becomes `b` by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const diff = a.length - b.length;
  if (diff > 1 || diff < -1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (diff === 0) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return diff > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
