/**
 * The live index of what the user keeps: bookmarks, annotations and saved pages (and the user's own
 * notes when they arrive; their kind is reserved in user-documents.ts).
 * Unlike the bundled index (built once at build time), it changes one document at a time: add,
 * update and remove cost the size of that document, never a rebuild.
 *
 * Scoring matches the bundled engine's, so both lists merge into one ranking: the same tokenizer
 * and stemming, lunr's BM25 (k1 1.2, b 0.75, its idf) per field with the same boosts, the share
 * of query words a document matched squared, and the last word expanded as a prefix.
 */
import { stemTerm } from './pipeline';
import { makeSnippet } from './snippet';
import type { SearchOptions, SearchResult } from './engine';
import { forEachRun, runTerms, tokenizeRuns } from './tokenizer';
import type { UserDocumentChange, UserSearchDocument } from './user-documents';

export { USER_DOCUMENT_KINDS, type UserDocumentKind, type UserDocumentChange, type UserSearchDocument } from './user-documents';

/** The boosts of title, tags and body, the order of a posting's three term frequencies. */
const BOOSTS = [8, 2, 1] as const;
const K1 = 1.2;
const B = 0.75;
const PREFIX_EXPANSIONS = 12;
const PREFIX_WEIGHT = 0.7;
/** Runs remembered with their term ids (cleared when full, and with every rebuild). */
const RUN_CACHE_LIMIT = 100_000;
const NO_TERMS: readonly number[] = [];

/**
 * A posting's frequencies in title, tags and body in one number: 8, 8 and 16 bits, each capped at
 * its largest value (where BM25 has long stopped growing: 255 against 300 changes a weight by less
 * than 0.1%).
 */
const SHIFTS = [24, 16, 0] as const;
const LIMITS = [0xff, 0xff, 0xffff] as const;

function pack(frequencies: Int32Array, at: number): number {
  return (
    ((Math.min(frequencies[at]!, LIMITS[0]) << SHIFTS[0]) |
      (Math.min(frequencies[at + 1]!, LIMITS[1]) << SHIFTS[1]) |
      Math.min(frequencies[at + 2]!, LIMITS[2])) >>>
    0
  );
}

/** BM25's length normalization of a document's three fields against the average lengths. */
function lengthNorms(lengths: Stored['lengths'], averages: readonly number[]): number[] {
  return lengths.map((length, field) => K1 * (1 - B + (B * length) / averages[field]!));
}

/** The BM25 weight (without idf) of a posting's packed frequencies, summed over its fields with their boosts. */
function weight(packed: number, norms: readonly number[]): number {
  let sum = 0;
  for (let field = 0; field < 3; field++) {
    const frequency = (packed >>> SHIFTS[field]!) & LIMITS[field]!;
    if (frequency !== 0) sum += BOOSTS[field]! * ((frequency * (K1 + 1)) / (frequency + norms[field]!));
  }
  return sum;
}

interface Stored {
  document: UserSearchDocument;
  /** Its postings in the forward arrays: [from, to), one per distinct term. */
  from: number;
  to: number;
  /** Tokens per field (title, tags, body). */
  lengths: [number, number, number];
}

/** A Uint32Array that grows. */
class IntList {
  data = new Uint32Array(1024);
  length = 0;

  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const grown = new Uint32Array(Math.max(this.data.length * 2, this.length + extra));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

/**
 * Documents live in numbered slots that are never reused; a remove only marks its slot empty (and
 * lowers the document frequencies), and when more than half the slots are empty the index rebuilds
 * itself. Terms are interned to numbers, and a run of text (a word, a run of Han characters) is
 * remembered with its term ids, so a run seen before costs one lookup.
 *
 * Each document's distinct terms and their frequency in each field are kept in forward arrays.
 * Start-up reads every document once into them, then lays the postings out term by term in one
 * pair of typed arrays (slots, weights), sized from the document frequencies: no per-term lists to
 * grow and nothing per token to collect. Documents added later append to small per-term lists.
 * A posting's weight is the document's BM25 term weight without the idf, summed over fields with
 * their boosts, against the average field lengths of when it was laid out; the idf is applied at
 * query time, since it changes with every add and remove.
 */
export class UserIndex {
  private slots: (Stored | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private df: number[] = [];
  private readonly runIds = new Map<string, readonly number[]>();
  /**
   * Every Latin term ever seen, sorted, for completing the word being typed by binary search (df 0
   * terms are skipped). Chinese terms are bigrams, matched whole, so they are not kept here.
   */
  private vocabulary: string[] = [];
  private readonly totalLengths = [0, 0, 0];
  /** Forward arrays: a posting's term id, and its frequencies in title, tags and body (see pack). */
  private readonly forwardTerms = new IntList();
  private readonly forwardFrequencies = new IntList();
  /** Postings laid out at start-up: those of term t are [offsets[t], offsets[t + 1]). */
  private offsets = new Int32Array(1);
  private baseSlots = new Int32Array(0);
  private baseWeights = new Float64Array(0);
  /** Postings of documents added since, per term. */
  private addedSlots: number[][] = [];
  private addedWeights: number[][] = [];
  private building = false;
  /** Scratch for the document being read: per term id, the document that last counted it and its frequencies. */
  private seenIn = new Int32Array(1024);
  private frequencies = new Int32Array(3 * 1024);
  private readonly distinct = new IntList();
  private documentNumber = 0;
  private field = 0;
  private fieldLength = 0;
  private scores = new Float64Array(0);
  private matched = new Float64Array(0);
  private lastGroup = new Int32Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  /** Replaces everything (start-up). */
  reset(documents: readonly UserSearchDocument[]): void {
    this.slots = [];
    this.slotOf.clear();
    this.termIds.clear();
    this.runIds.clear();
    this.terms = [];
    this.vocabulary = [];
    this.df = [];
    this.addedSlots = [];
    this.addedWeights = [];
    this.forwardTerms.length = 0;
    this.forwardFrequencies.length = 0;
    this.totalLengths.fill(0);
    this.building = true;
    // About one posting per character: room reserved at once (untouched pages cost nothing) rather than grown.
    const characters = documents.reduce((sum, d) => sum + d.title.length + d.body.length + d.tags.reduce((n, tag) => n + tag.length, 0), 0);
    this.forwardTerms.reserve(characters);
    this.forwardFrequencies.reserve(characters);
    // The last record of a ref wins, as it would through upserts.
    for (const document of new Map(documents.map((d) => [d.ref, d])).values()) {
      this.slotOf.set(document.ref, this.slots.length);
      this.slots.push(this.read(document));
    }
    this.building = false;
    const termCount = this.terms.length;
    const offsets = new Int32Array(termCount + 1);
    for (let id = 0; id < termCount; id++) offsets[id + 1] = offsets[id]! + this.df[id]!;
    const next = offsets.slice(0, termCount);
    const baseSlots = new Int32Array(offsets[termCount]!);
    const baseWeights = new Float64Array(offsets[termCount]!);
    const averages = this.averageLengths(this.slots.length);
    const terms = this.forwardTerms.data;
    const frequencies = this.forwardFrequencies.data;
    this.slots.forEach((stored, slot) => {
      const norms = lengthNorms(stored!.lengths, averages);
      for (let at = stored!.from; at < stored!.to; at++) {
        const position = next[terms[at]!]!++;
        baseSlots[position] = slot;
        baseWeights[position] = weight(frequencies[at]!, norms);
      }
    });
    this.offsets = offsets;
    this.baseSlots = baseSlots;
    this.baseWeights = baseWeights;
    this.vocabulary.sort();
  }

  apply(change: UserDocumentChange): void {
    if (change.op === 'upsert') this.upsert(change.document);
    else this.remove(change.ref);
  }

  upsert(document: UserSearchDocument): void {
    this.remove(document.ref);
    const stored = this.read(document);
    const slot = this.slots.length;
    this.slots.push(stored);
    this.slotOf.set(document.ref, slot);
    const norms = lengthNorms(stored.lengths, this.averageLengths(this.slotOf.size));
    for (let at = stored.from; at < stored.to; at++) {
      const id = this.forwardTerms.data[at]!;
      (this.addedSlots[id] ??= []).push(slot);
      (this.addedWeights[id] ??= []).push(weight(this.forwardFrequencies.data[at]!, norms));
    }
  }

  remove(ref: string): void {
    const slot = this.slotOf.get(ref);
    if (slot === undefined) return;
    const stored = this.slots[slot]!;
    for (let field = 0; field < 3; field++) this.totalLengths[field]! -= stored.lengths[field]!;
    for (let at = stored.from; at < stored.to; at++) this.df[this.forwardTerms.data[at]!]! -= 1;
    this.slots[slot] = undefined;
    this.slotOf.delete(ref);
    if (this.slots.length > 64 && this.slotOf.size * 2 < this.slots.length) this.compact();
  }

  /** Rebuilds the postings from the live documents, dropping empty slots. */
  private compact(): void {
    this.reset(this.slots.flatMap((stored) => (stored ? [stored.document] : [])));
  }

  private averageLengths(count: number): number[] {
    return this.totalLengths.map((total) => total / Math.max(count, 1) || 1);
  }

  /** Reads a document into the forward arrays and the document frequencies. */
  private read(document: UserSearchDocument): Stored {
    this.documentNumber += 1;
    this.distinct.length = 0;
    const lengths: Stored['lengths'] = [0, 0, 0];
    const texts = [document.title, document.tags.join('\n'), document.body];
    for (let field = 0; field < 3; field++) {
      this.field = field;
      this.fieldLength = 0;
      forEachRun(texts[field]!, this.visitRun);
      lengths[field] = this.fieldLength;
      this.totalLengths[field]! += this.fieldLength;
    }
    const count = this.distinct.length;
    const from = this.forwardTerms.length;
    this.forwardTerms.reserve(count);
    this.forwardFrequencies.reserve(count);
    const terms = this.forwardTerms.data;
    const frequencies = this.forwardFrequencies.data;
    for (let k = 0; k < count; k++) {
      const id = this.distinct.data[k]!;
      terms[from + k] = id;
      frequencies[from + k] = pack(this.frequencies, 3 * id);
      this.df[id]! += 1;
    }
    this.forwardTerms.length = from + count;
    this.forwardFrequencies.length = from + count;
    return { document, from, to: from + count, lengths };
  }

  /** Counts one run's terms for the document being read, in the current field. */
  private readonly visitRun = (run: string, han: boolean): void => {
    let ids = this.runIds.get(run);
    if (ids === undefined) {
      ids = this.idsOfRun(run, han);
      if (this.runIds.size >= RUN_CACHE_LIMIT) this.runIds.clear();
      this.runIds.set(run, ids);
    }
    const { seenIn, frequencies, field, documentNumber, distinct } = this;
    distinct.reserve(ids.length);
    const distinctIds = distinct.data;
    let distinctCount = distinct.length;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (seenIn[id] !== documentNumber) {
        seenIn[id] = documentNumber;
        frequencies[3 * id] = frequencies[3 * id + 1] = frequencies[3 * id + 2] = 0;
        distinctIds[distinctCount++] = id;
      }
      frequencies[3 * id + field]! += 1;
    }
    distinct.length = distinctCount;
    this.fieldLength += ids.length;
  };

  /** The term ids of a run: a Han run's tokens, or a word's stem (none for a stop word). */
  private idsOfRun(run: string, han: boolean): readonly number[] {
    const terms = runTerms(run, han);
    if (han) return terms.map((term) => this.idOf(term, true));
    const stem = stemTerm(terms[0]!);
    return stem === null ? NO_TERMS : [this.idOf(stem, false)];
  }

  /** The id of a term, made on first sight. */
  private idOf(term: string, han: boolean): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.df.push(0);
      if (!han) {
        if (this.building) this.vocabulary.push(term);
        else this.vocabulary.splice(this.vocabularyIndex(term), 0, term);
      }
      if (id >= this.seenIn.length) {
        const seenIn = new Int32Array(this.seenIn.length * 2);
        seenIn.set(this.seenIn);
        this.seenIn = seenIn;
        const frequencies = new Int32Array(this.frequencies.length * 2);
        frequencies.set(this.frequencies);
        this.frequencies = frequencies;
      }
    }
    return id;
  }

  /** Where `term` is, or would go, in the sorted vocabulary. */
  private vocabularyIndex(term: string): number {
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.vocabulary[mid]! < term) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private hasTerm(term: string): boolean {
    const id = this.termIds.get(term);
    return id !== undefined && this.df[id]! > 0;
  }

  /** The query's groups: each word's exact term, and for the last word still being typed, completions. */
  private groups(query: string): { term: string; weight: number }[][] {
    const runs = tokenizeRuns(query);
    const stillTyping = !/\s$/.test(query);
    const groups: { term: string; weight: number }[][] = [];
    runs.forEach((run, position) => {
      if (run.han) {
        for (const term of run.terms) groups.push(this.hasTerm(term) ? [{ term, weight: 1 }] : []);
        return;
      }
      const stem = stemTerm(run.text);
      if (stem === null && runs.length > 1) return;
      const exact = stem ?? run.text;
      const group = this.hasTerm(exact) ? [{ term: exact, weight: 1 }] : [];
      if (position === runs.length - 1 && stillTyping) {
        const completions: { term: string; df: number }[] = [];
        for (let i = this.vocabularyIndex(run.text); i < this.vocabulary.length && this.vocabulary[i]!.startsWith(run.text); i++) {
          const term = this.vocabulary[i]!;
          const df = this.df[this.termIds.get(term)!]!;
          if (term !== exact && df > 0) completions.push({ term, df });
        }
        completions.sort((a, b) => b.df - a.df);
        for (const { term } of completions.slice(0, PREFIX_EXPANSIONS)) group.push({ term, weight: PREFIX_WEIGHT });
      }
      groups.push(group);
    });
    return groups;
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const groups = this.groups(query);
    const count = this.slotOf.size;
    if (groups.length === 0 || count === 0) return [];
    if (this.scores.length < this.slots.length) {
      this.scores = new Float64Array(this.slots.length * 2);
      this.matched = new Float64Array(this.slots.length * 2);
      this.lastGroup = new Int32Array(this.slots.length * 2).fill(-1);
    }
    const { scores, matched, lastGroup, slots } = this;
    const touched: number[] = [];
    const add = (groupIndex: number, factor: number, postingSlots: ArrayLike<number>, postingWeights: ArrayLike<number>, from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const slot = postingSlots[i]!;
        if (slots[slot] === undefined) continue;
        if (lastGroup[slot] === -1) touched.push(slot);
        if (lastGroup[slot] !== groupIndex) {
          matched[slot]! += 1;
          lastGroup[slot] = groupIndex;
        }
        scores[slot]! += factor * postingWeights[i]!;
      }
    };
    groups.forEach((group, groupIndex) => {
      for (const { term, weight } of group) {
        const id = this.termIds.get(term);
        if (id === undefined || this.df[id] === 0) continue;
        const df = this.df[id]!;
        const factor = weight * Math.log(1 + Math.abs((count - df + 0.5) / (df + 0.5)));
        if (id + 1 < this.offsets.length) add(groupIndex, factor, this.baseSlots, this.baseWeights, this.offsets[id]!, this.offsets[id + 1]!);
        const added = this.addedSlots[id];
        if (added) add(groupIndex, factor, added, this.addedWeights[id]!, 0, added.length);
      }
    });
    const limit = options.limit ?? 10;
    const top: { slot: number; score: number }[] = [];
    const kinds = options.kinds && options.kinds.length > 0 ? new Set<string>(options.kinds) : null;
    for (const slot of touched) {
      const score = scores[slot]! * (matched[slot]! / groups.length) ** 2;
      scores[slot] = 0;
      matched[slot] = 0;
      lastGroup[slot] = -1;
      if (kinds && !kinds.has(slots[slot]!.document.kind)) continue;
      if (top.length < limit || score > top[top.length - 1]!.score) {
        let at = top.length;
        while (at > 0 && top[at - 1]!.score < score) at--;
        top.splice(at, 0, { slot, score });
        if (top.length > limit) top.pop();
      }
    }
    const tokens = tokenizeRuns(query);
    return top.map(({ slot, score }): SearchResult => {
      const { document } = this.slots[slot]!;
      const source = [document.body, document.tags.join(' · ')].filter(Boolean).join(' — ') || document.title;
      const snippet = makeSnippet(source, tokens);
      return {
        ref: document.ref,
        kind: document.kind,
        noteId: document.noteId,
        sectionId: document.sectionId,
        pageId: document.pageId,
        url: document.url,
        category: null,
        title: document.title,
        score: Math.round(score * 1000) / 1000,
        snippet: snippet.text,
        highlights: snippet.highlights,
        pinned: false,
      };
    });
  }
}

/** One ranked list from the bundled results and the user's, by score, at most `limit`. */
export function mergeResults(bundled: readonly SearchResult[], user: readonly SearchResult[], limit: number): SearchResult[] {
  const merged: SearchResult[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < limit && (i < bundled.length || j < user.length)) {
    // Named notes and exact terms, which the bundled engine put first, keep their place.
    const next = bundled[i];
    if (j >= user.length || (next && (next.pinned || next.score >= user[j]!.score))) merged.push(bundled[i++]!);
    else merged.push(user[j++]!);
  }
  return merged;
}
