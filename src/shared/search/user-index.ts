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
import { tokenizeRuns } from './tokenizer';
import type { UserDocumentChange, UserSearchDocument } from './user-documents';

export { USER_DOCUMENT_KINDS, type UserDocumentKind, type UserDocumentChange, type UserSearchDocument } from './user-documents';

const FIELDS = { title: 8, tags: 2, body: 1 } as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];
const K1 = 1.2;
const B = 0.75;
const PREFIX_EXPANSIONS = 12;
const PREFIX_WEIGHT = 0.7;

interface Stored {
  document: UserSearchDocument;
  /** The ids of the document's distinct terms, to update document frequencies when it goes. */
  terms: number[];
  lengths: Record<Field, number>;
}

/**
 * Documents live in numbered slots that are never reused, so postings are append-only arrays and a
 * remove only marks its slot empty (and lowers the document frequencies); when more than half the
 * slots are empty the index compacts itself. Terms are interned to numbers, so counting and
 * posting cost array writes, not map lookups. Each posting keeps the document's BM25 term weight
 * without the idf, summed over fields with their boosts, computed when the document is added
 * (against the average field lengths of that moment); the idf is applied at query time, since it
 * changes with every add and remove.
 */
export class UserIndex {
  private slots: (Stored | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private postingSlots: number[][] = [];
  private postingWeights: number[][] = [];
  private df: number[] = [];
  /** Every term ever seen, sorted, for prefix completion by binary search (df 0 terms are skipped). */
  private readonly vocabulary: string[] = [];
  private readonly totalLengths: Record<Field, number> = { title: 0, tags: 0, body: 0 };
  private scores = new Float64Array(0);
  private matched = new Float64Array(0);
  private lastGroup = new Int32Array(0);
  /** Scratch space for one document's term counts and weights, indexed by term id. */
  private counts = new Float64Array(1024);
  private weights = new Float64Array(1024);

  get size(): number {
    return this.slotOf.size;
  }

  /** Replaces everything (start-up). */
  reset(documents: readonly UserSearchDocument[]): void {
    this.slots = [];
    this.slotOf.clear();
    this.termIds.clear();
    this.terms = [];
    this.postingSlots = [];
    this.postingWeights = [];
    this.df = [];
    this.vocabulary.length = 0;
    for (const field of FIELD_NAMES) this.totalLengths[field] = 0;
    // Field lengths first, so every document is weighted against the final averages.
    const tokenized = documents.map((document) => ({ document, fields: this.tokenizeFields(document, false) }));
    for (const { fields } of tokenized) for (const field of FIELD_NAMES) this.totalLengths[field] += fields[field].length;
    for (const { document, fields } of tokenized) this.insert(document, fields, documents.length);
    this.vocabulary.push(...this.terms);
    this.vocabulary.sort();
  }

  apply(change: UserDocumentChange): void {
    if (change.op === 'upsert') this.upsert(change.document);
    else this.remove(change.ref);
  }

  upsert(document: UserSearchDocument): void {
    this.remove(document.ref);
    const fields = this.tokenizeFields(document, true);
    for (const field of FIELD_NAMES) this.totalLengths[field] += fields[field].length;
    this.insert(document, fields, this.slotOf.size + 1);
  }

  remove(ref: string): void {
    const slot = this.slotOf.get(ref);
    if (slot === undefined) return;
    const stored = this.slots[slot]!;
    for (const field of FIELD_NAMES) this.totalLengths[field] -= stored.lengths[field];
    for (const id of stored.terms) this.df[id]! -= 1;
    this.slots[slot] = undefined;
    this.slotOf.delete(ref);
    if (this.slots.length > 64 && this.slotOf.size * 2 < this.slots.length) this.compact();
  }

  /** Rebuilds the postings from the live documents, dropping empty slots. */
  private compact(): void {
    this.reset(this.slots.flatMap((stored) => (stored ? [stored.document] : [])));
  }

  /** The id of a term, made on first sight. */
  private idOf(term: string, keepVocabularySorted: boolean): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postingSlots.push([]);
      this.postingWeights.push([]);
      this.df.push(0);
      if (keepVocabularySorted) this.vocabulary.splice(this.vocabularyIndex(term), 0, term);
    }
    return id;
  }

  private tokenizeFields(document: UserSearchDocument, keepVocabularySorted: boolean): Record<Field, number[]> {
    const fields: Record<Field, number[]> = { title: [], tags: [], body: [] };
    const texts: Record<Field, string> = { title: document.title, tags: document.tags.join('\n'), body: document.body };
    for (const field of FIELD_NAMES) {
      for (const run of tokenizeRuns(texts[field])) {
        for (const term of run.terms) {
          const stemmed = run.han ? term : stemTerm(term);
          if (stemmed) fields[field].push(this.idOf(stemmed, keepVocabularySorted));
        }
      }
    }
    return fields;
  }

  private insert(document: UserSearchDocument, fields: Record<Field, number[]>, count: number): void {
    const slot = this.slots.length;
    if (this.counts.length < this.terms.length) {
      this.counts = new Float64Array(this.terms.length * 2);
      this.weights = new Float64Array(this.terms.length * 2);
    }
    const { counts, weights } = this;
    const distinct: number[] = [];
    for (const field of FIELD_NAMES) {
      const ids = fields[field];
      const inField: number[] = [];
      for (const id of ids) if (counts[id]!++ === 0) inField.push(id);
      const average = this.totalLengths[field] / Math.max(count, 1) || 1;
      const norm = K1 * (1 - B + (B * ids.length) / average);
      const boost = FIELDS[field];
      for (const id of inField) {
        const frequency = counts[id]!;
        counts[id] = 0;
        if (weights[id] === 0) distinct.push(id);
        weights[id]! += boost * ((frequency * (K1 + 1)) / (frequency + norm));
      }
    }
    for (const id of distinct) {
      this.postingSlots[id]!.push(slot);
      this.postingWeights[id]!.push(weights[id]!);
      this.df[id]! += 1;
      weights[id] = 0;
    }
    this.slots.push({ document, terms: distinct, lengths: { title: fields.title.length, tags: fields.tags.length, body: fields.body.length } });
    this.slotOf.set(document.ref, slot);
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
    groups.forEach((group, groupIndex) => {
      for (const { term, weight } of group) {
        const id = this.termIds.get(term);
        if (id === undefined || this.df[id] === 0) continue;
        const df = this.df[id]!;
        const idf = Math.log(1 + Math.abs((count - df + 0.5) / (df + 0.5)));
        const factor = weight * idf;
        const postingSlots = this.postingSlots[id]!;
        const postingWeights = this.postingWeights[id]!;
        for (let i = 0; i < postingSlots.length; i++) {
          const slot = postingSlots[i]!;
          if (slots[slot] === undefined) continue;
          if (lastGroup[slot] === -1) touched.push(slot);
          if (lastGroup[slot] !== groupIndex) {
            matched[slot]! += 1;
            lastGroup[slot] = groupIndex;
          }
          scores[slot]! += factor * postingWeights[i]!;
        }
      }
    });
    const limit = options.limit ?? 10;
    const top: { slot: number; score: number }[] = [];
    for (const slot of touched) {
      const score = scores[slot]! * (matched[slot]! / groups.length) ** 2;
      scores[slot] = 0;
      matched[slot] = 0;
      lastGroup[slot] = -1;
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
