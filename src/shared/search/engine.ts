/**
 * Query side of search. The index is lunr's (built by build-index.ts, loaded with lunr.Index.load);
 * scoring is ours, over lunr's inverted index and its precomputed BM25 field weights:
 * - each typed word is one group; a document's score is the sum of its matched terms' weights,
 *   multiplied by the square of the share of groups it matched, so documents with every word rank
 *   first without dropping partial matches;
 * - only the last word (still being typed) is expanded as a prefix, to its most frequent
 *   completions; fuzzy matching (one insertion, deletion, substitution or swap of neighbours) only
 *   for words of 5+ letters that are not in the vocabulary — a typo, not a rare word — looked up
 *   in a deletion index of the vocabulary (typo-index.ts);
 * - per-term postings are computed once and kept, and whole answers are cached, so typing stays
 *   cheap; only the top results are kept, nothing sorts the whole corpus, and a document that
 *   cannot enter them is passed over before its metadata is read;
 * - names go first: a query that is (or starts) a note's title, id or alias puts that note first,
 *   then its own sections and links; a glossary term typed in full comes right after.
 */
import lunr from 'lunr';
import type { Language } from '../settings';
import type { SearchDocument, SearchKind } from './documents';
import { SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './build-index';
import { registerPipeline, stemTerm } from './pipeline';
import { decodePosting, fromBase64, postingCount, postingOffsets, type Posting } from './postings';
import { makeSnippet } from './snippet';
import type { UserDocumentKind } from './user-documents';
import { simplifyChinese } from './chinese-variants';
import { isHanToken, normalizeText, tokenizeRuns, wordInteriorBigrams, type QueryToken } from './tokenizer';
import { TypoIndex, withinOneEdit } from './typo-index';

export { withinOneEdit } from './typo-index';

export interface SearchOptions {
  limit?: number;
  kinds?: readonly ResultKind[];
  categories?: readonly string[];
  /** The language of titles and snippets. */
  language?: Language;
}

/** Every kind a result can be: the bundled knowledge base's and the user's own. */
export type ResultKind = SearchKind | UserDocumentKind;

export interface SearchResult {
  ref: string;
  kind: ResultKind;
  noteId: string | null;
  sectionId: string | null;
  url: string | null;
  category: string | null;
  title: string;
  score: number;
  snippet: string;
  highlights: [number, number][];
  /** Put first because the query names it (a note's title or alias, a term typed in full). */
  pinned: boolean;
  /** The saved page a user record belongs to (a saved page, an annotation on one). */
  pageId?: string | null;
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
/** Latin name prefixes shorter than this do not count as a name ("k" is not Kubernetes yet). */
const MIN_LATIN_NAME_PREFIX = 3;

/** The form names are compared in: normalized width and case, Simplified, single spaces. */
export function nameKey(text: string): string {
  return simplifyChinese(normalizeText(text)).replace(/\s+/g, ' ').trim();
}

/**
 * Question words carry no topic: in "Pod 一直 Pending 怎么办" only Pod, 一直 and Pending say what
 * it is about. Their bigrams are dropped from a query that has other words.
 */
const QUESTION_BIGRAMS = new Set(['什么', '为什', '怎么', '么办', '如何', '哪些', '哪个', '是什', '有什', '么是', '么样', '怎样', '为何', '是否', '能否', '吗', '呢']);

/**
 * Self-check sections restate a note's questions; they answer a query about themselves
 * (自测, quiz, …) but should not crowd out the section that teaches the answer.
 */
const CHECK_SECTION_WEIGHT = 0.6;
const CROSS_WORD_WEIGHT = 0.35;
/** A glossary entry is short, so BM25 favours it; below the sections that teach, unless named. */
const GLOSSARY_WEIGHT = 0.7;
const ABOUT_CHECK = /自测|练习|测验|习题|自我检查|check yourself|quiz|self-test|self-check/i;

/** Ranking tiers: lower goes first; within a tier, by score. */
const TIER_NAMED_NOTE = 0;
const TIER_EXACT_TERM = 1;
const TIER_OF_NAMED_NOTE = 2;
const TIER_REST = 3;
const TIER_SPAN = 1e9;
const EMPTY_POSTING: Posting = { docs: new Int32Array(0), weights: new Float64Array(0) };

export class SearchEngine {
  private readonly index: LunrInternals;
  private readonly docs: SearchDocument[];
  /** Sorted, for prefix search by binary search. */
  private readonly vocabulary: string[];
  /** The Latin terms, for typo matching; built on the first typo. */
  private typoIndex: TypoIndex | null = null;
  private readonly packed: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly postings = new Map<string, Posting>();
  private readonly cache = new Map<string, SearchResult[]>();
  /** Sorted name keys with their documents, for exact and prefix name matches. */
  private readonly names: { key: string; doc: number }[] = [];
  private scores: Float64Array;
  /** Per document: the summed share of the query's groups it matched. */
  private matchedGroups: Float64Array;
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
    this.docs.forEach((doc, index) => {
      for (const name of doc.names) {
        const key = nameKey(name);
        if (key) this.names.push({ key, doc: index });
      }
    });
    this.names.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.doc - b.doc));
    this.packed = fromBase64(serialized.postings);
    this.offsets = postingOffsets(this.packed, this.vocabulary.length);
    this.scores = new Float64Array(this.docs.length);
    this.matchedGroups = new Float64Array(this.docs.length);
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
  /**
   * The groups of weighted index terms a query stands for, and each group's share of the query:
   * a word counts fully, a Chinese bigram across two words only a little, so that matching 上的 in
   * "虚拟机上的服务" does not count like matching 虚拟机.
   */
  expandQuery(query: string): { tokens: QueryToken[]; groups: WeightedTerm[][]; shares: number[] } {
    const tokens = tokenizeRuns(query);
    const stillTyping = !/\s$/.test(query);
    const groups: WeightedTerm[][] = [];
    const shares: number[] = [];
    tokens.forEach((token, position) => {
      const isLast = position === tokens.length - 1 && stillTyping;
      if (token.han) {
        if (token.terms.length === 1 && [...token.text].length === 1) {
          groups.push(this.prefixExpansions(token.text, 0.6, null));
          shares.push(1);
          return;
        }
        const inside = wordInteriorBigrams(token.text);
        for (const term of token.terms) {
          if (QUESTION_BIGRAMS.has(term)) continue;
          // A bigram across two of the segmenter's words ("么情" in 什么情况) is mostly noise.
          const weight = [...term].length > 2 ? 1.5 : inside.has(term) ? 1 : CROSS_WORD_WEIGHT;
          groups.push(this.hasTerm(term) ? [{ term, weight }] : []);
          shares.push(weight === CROSS_WORD_WEIGHT ? CROSS_WORD_WEIGHT : 1);
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
      if (group.length === 0 && word.length >= MIN_FUZZY_LENGTH) group.push(...this.fuzzyExpansions(exact, word).map(({ term }) => ({ term, weight: 0.5 })));
      groups.push(group);
      shares.push(1);
    });
    return { tokens, groups, shares };
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

  /**
   * Vocabulary terms one typo (Damerau: insertion, deletion, substitution or swap of neighbours)
   * away from the typed word, most frequent first, each with a word to show for it. Two ways, since
   * the vocabulary holds stems: stems within one edit of the word or its stem, and stems of the
   * word's one-edit variants (`opentracign` → `opentracing` → stem `opentrac`).
   */
  private fuzzyExpansions(stem: string, word: string): { term: string; shown: string }[] {
    const found = new Map<string, string>();
    for (const variant of oneEditVariants(word)) {
      const variantStem = stemTerm(variant);
      if (variantStem && !found.has(variantStem) && this.hasTerm(variantStem)) found.set(variantStem, variant);
    }
    this.typoIndex ??= new TypoIndex(this.vocabulary.filter((term) => !isHanToken(term)));
    for (const candidate of new Set([stem, word])) {
      for (const term of this.typoIndex.near(candidate)) if (!found.has(term)) found.set(term, term);
    }
    return [...found]
      .sort(([a], [b]) => this.documentFrequency(b) - this.documentFrequency(a) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, PREFIX_EXPANSIONS)
      .map(([term, shown]) => ({ term, shown }));
  }

  /**
   * "Did you mean …": for a query that finds nothing, the query with each unknown word replaced by
   * its most frequent one-typo neighbour; null when there is nothing better to offer.
   */
  suggest(query: string): string | null {
    let changed = false;
    const words = query.trim().split(/\s+/).map((word) => {
      const lower = normalizeText(word);
      if (!/^[a-z][a-z0-9-]*$/.test(lower) || lower.length < 4) return word;
      const stem = stemTerm(lower) ?? lower;
      if (this.hasTerm(stem)) return word;
      const best = this.fuzzyExpansions(stem, lower)[0];
      if (!best) return word;
      changed = true;
      return best.shown !== best.term ? best.shown : spelledLike(lower, best.term);
    });
    return changed ? words.join(' ') : null;
  }

  /** Notes whose title, id or alias the query is (or begins), and glossary terms it is exactly. */
  private namedDocuments(query: string): { notes: number[]; terms: number[] } {
    const key = nameKey(query);
    const notes: number[] = [];
    const terms: number[] = [];
    if (!key) return { notes, terms };
    const latin = !/\p{Script=Han}/u.test(key);
    const prefixAllowed = latin ? key.length >= MIN_LATIN_NAME_PREFIX : [...key].length >= 2;
    let low = 0;
    let high = this.names.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.names[mid]!.key < key) low = mid + 1;
      else high = mid;
    }
    const exactNotes: number[] = [];
    for (let i = low; i < this.names.length && this.names[i]!.key.startsWith(key); i++) {
      const { key: name, doc } = this.names[i]!;
      const kind = this.docs[doc]!.kind;
      const exact = name === key;
      if (kind === 'note' && exact && !exactNotes.includes(doc)) exactNotes.push(doc);
      else if (kind === 'note' && prefixAllowed && !notes.includes(doc)) notes.push(doc);
      else if (kind === 'glossary' && exact && !terms.includes(doc)) terms.push(doc);
    }
    // A name with one typo still names its note (kuberntes, promehteus), for Latin names of 5+
    // letters — unless the query is exactly something else's name (istiod is a term, not Istio).
    if (exactNotes.length === 0 && notes.length === 0 && terms.length === 0 && latin && key.length >= MIN_FUZZY_LENGTH) {
      for (const { key: name, doc } of this.names) {
        if (this.docs[doc]!.kind === 'note' && Math.abs(name.length - key.length) <= 1 && withinOneEdit(key, name) && !notes.includes(doc)) notes.push(doc);
      }
    }
    return { notes: [...exactNotes, ...notes.filter((doc) => !exactNotes.includes(doc))], terms };
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
    const { tokens, groups, shares } = this.expandQuery(query);
    const totalShare = shares.reduce((sum, share) => sum + share, 0);
    const groupCount = groups.length;
    if (groupCount === 0) return [];
    const named = this.namedDocuments(query);
    const aboutCheck = ABOUT_CHECK.test(query);
    const namedNotes = new Set(named.notes.map((doc) => this.docs[doc]!.noteId));
    const tierOf = (doc: number): number => {
      if (named.notes.includes(doc)) return TIER_NAMED_NOTE;
      if (named.terms.includes(doc)) return TIER_EXACT_TERM;
      return namedNotes.has(this.docs[doc]!.noteId) ? TIER_OF_NAMED_NOTE : TIER_REST;
    };
    const touched: number[] = [];
    const { scores, matchedGroups, lastGroup } = this;
    groups.forEach((group, groupIndex) => {
      for (const { term, weight } of group) {
        const { docs, weights } = this.posting(term);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          if (lastGroup[doc] === -1) touched.push(doc);
          if (lastGroup[doc] !== groupIndex) {
            matchedGroups[doc]! += shares[groupIndex]!;
            lastGroup[doc] = groupIndex;
          }
          scores[doc]! += weight * weights[i]!;
        }
      }
    });
    // A named document is a result even if none of its indexed words matched (a prefix of an alias).
    for (const doc of [...named.notes, ...named.terms]) {
      if (lastGroup[doc] === -1) {
        touched.push(doc);
        lastGroup[doc] = groupCount;
        matchedGroups[doc] = totalShare;
      }
    }

    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
    const categories = options.categories && options.categories.length > 0 ? new Set(options.categories) : null;
    const top: { doc: number; score: number; rank: number }[] = [];
    // With no name in the query every document is in the same tier, and a kind's weight only lowers
    // a score: a document whose unweighted score cannot enter the full top is passed over without
    // reading its metadata (on a large corpus, most of what a frequent word touches).
    const sameTier = named.notes.length === 0 && named.terms.length === 0;
    for (const doc of touched) {
      const coverage = matchedGroups[doc]! / totalShare;
      const unweighted = scores[doc]! * coverage * coverage;
      scores[doc] = 0;
      matchedGroups[doc] = 0;
      lastGroup[doc] = -1;
      if (sameTier && top.length === limit && unweighted <= top[limit - 1]!.rank) continue;
      const meta = this.docs[doc]!;
      const kindWeight = meta.kind === 'glossary' ? GLOSSARY_WEIGHT : meta.kind === 'section' && meta.sectionId === 'check' && !aboutCheck ? CHECK_SECTION_WEIGHT : 1;
      const score = unweighted * kindWeight;
      if ((kinds && !kinds.has(meta.kind)) || (categories && !categories.has(meta.category ?? ''))) continue;
      const rank = score + (TIER_REST - tierOf(doc)) * TIER_SPAN;
      if (top.length < limit || rank > top[top.length - 1]!.rank) {
        let at = top.length;
        while (at > 0 && top[at - 1]!.rank < rank) at--;
        top.splice(at, 0, { doc, score, rank });
        if (top.length > limit) top.pop();
      }
    }

    const language = options.language ?? 'en';
    return top.map(({ doc, score, rank }) => {
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
        pinned: rank >= TIER_SPAN * (TIER_REST - TIER_EXACT_TERM),
      };
    });
  }
}

/**
 * A word to show for a vocabulary stem found one typo from `typed` (the vocabulary holds stems:
 * proxi, not proxy): `typed` with one letter inserted or replaced, if that stems to it; else the
 * stem itself.
 */
function spelledLike(typed: string, stem: string): string {
  for (let i = 0; i <= typed.length; i++) {
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      const inserted = typed.slice(0, i) + letter + typed.slice(i);
      if (stemTerm(inserted) === stem) return inserted;
      const replaced = typed.slice(0, i) + letter + typed.slice(i + 1);
      if (i < typed.length && stemTerm(replaced) === stem) return replaced;
    }
  }
  return stem;
}

/**
 * The words one deletion or one swap of neighbours away from `word`: the typos whose stem can land
 * far from the word's own stem (opentracign → opentracing → opentrac). Insertions and substitutions
 * keep the stem within one edit, which the typo index already finds.
 */
export function oneEditVariants(word: string): Set<string> {
  const variants = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    variants.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) variants.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  variants.delete(word);
  return variants;
}
