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
import { SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './build-index';
import { registerPipeline, stemTerm } from './pipeline';
import { decodePosting, fromBase64, postingCount, postingOffsets, type Posting } from './postings';
import { makeSnippet } from './snippet';
import { isHanToken, tokenizeRuns, type QueryToken } from './tokenizer';

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

interface WeightedTerm {
  term: string;
  weight: number;
}

/** The part of a loaded lunr.Index the engine reads: term → its position in the term list. */
interface LunrInternals {
  invertedIndex: Record<string, { _index: number }>;
}

const PREFIX_EXPANSIONS = 12;
const CACHE_SIZE = 200;
const MIN_FUZZY_LENGTH = 5;
const EMPTY_POSTING: Posting = { docs: new Int32Array(0), weights: new Float64Array(0) };

export class SearchEngine {
  private readonly index: LunrInternals;
  private readonly docs: SearchDocument[];
  /** Sorted, for prefix search by binary search. */
  private readonly vocabulary: string[];
  /** Latin terms by length, for typo matching. */
  private readonly vocabularyByLength = new Map<number, string[]>();
  private readonly packed: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly postings = new Map<string, Posting>();
  private readonly cache = new Map<string, SearchResult[]>();
  private scores: Float64Array;
  private matchedGroups: Uint16Array;
  private lastGroup: Int32Array;

  private constructor(index: lunr.Index, serialized: SerializedSearchIndex, documents: readonly SearchDocument[]) {
    this.index = index as unknown as LunrInternals;
    const byRef = new Map(documents.map((doc) => [doc.ref, doc]));
    this.docs = serialized.refs.map((ref) => {
      const doc = byRef.get(ref);
      if (!doc) throw new Error(`the search index names a document the content does not have: ${ref}`);
      return doc;
    });
    this.vocabulary = serialized.terms === '' ? [] : serialized.terms.split('\n');
    for (const term of this.vocabulary) {
      if (isHanToken(term)) continue;
      const bucket = this.vocabularyByLength.get(term.length);
      if (bucket) bucket.push(term);
      else this.vocabularyByLength.set(term.length, [term]);
    }
    this.packed = fromBase64(serialized.postings);
    this.offsets = postingOffsets(this.packed, this.vocabulary.length);
    this.scores = new Float64Array(this.docs.length);
    this.matchedGroups = new Uint16Array(this.docs.length);
    this.lastGroup = new Int32Array(this.docs.length).fill(-1);
  }

  /** Loads a prebuilt index (see build-index.ts) over the documents it was built from. */
  static load(serialized: SerializedSearchIndex, documents: readonly SearchDocument[]): SearchEngine {
    if (serialized.version !== SEARCH_INDEX_VERSION) {
      throw new Error(`the search index has format ${String(serialized.version)}, this app reads ${SEARCH_INDEX_VERSION}: rebuild it`);
    }
    registerPipeline();
    const terms = serialized.terms === '' ? [] : serialized.terms.split('\n');
    const index = lunr.Index.load({
      ...serialized.lunr,
      fieldVectors: [],
      invertedIndex: terms.map((term, i) => [term, { _index: i }]),
    });
    return new SearchEngine(index, serialized, documents);
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

  private termEntry(term: string): { _index: number } | undefined {
    return Object.hasOwn(this.index.invertedIndex, term) ? this.index.invertedIndex[term] : undefined;
  }

  private hasTerm(term: string): boolean {
    return this.termEntry(term) !== undefined;
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
    const entry = this.termEntry(term);
    return entry ? postingCount(this.packed, this.offsets[entry._index]!) : 0;
  }

  /** Every document that contains `term`, with its weight summed over fields. Decoded once. */
  private posting(term: string): Posting {
    const known = this.postings.get(term);
    if (known) return known;
    const entry = this.termEntry(term);
    const posting = entry ? decodePosting(this.packed, this.offsets[entry._index]!) : EMPTY_POSTING;
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
