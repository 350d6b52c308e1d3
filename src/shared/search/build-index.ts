/**
 * Builds the search index at build time: lunr indexes the documents (our bilingual tokenizer, the
 * bilingual stemming pipeline, BM25 field weights with title > headings > tags > body boosts), and
 * the result is serialized compactly: lunr's header (version, fields, pipeline), the sorted term
 * list, and the posting lists packed as varints (see postings.ts). Loading hands lunr.Index.load
 * the term list; the engine reads postings from the packed bytes on demand.
 */
import lunr from 'lunr';
import { SEARCH_FIELDS, type SearchDocument, type SearchField } from './documents';
import { bilingualStem, registerPipeline } from './pipeline';
import { encodePostings, toBase64 } from './postings';
import { tokenize } from './tokenizer';

/** lunr's tokenizer contract, over our bilingual tokenizer. */
function lunrTokens(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  return tokenize(String(value)).map((term, position) => new lunr.Token(term, { position }));
}

export const SEARCH_INDEX_VERSION = 2;

export interface SerializedSearchIndex {
  version: typeof SEARCH_INDEX_VERSION;
  lunr: { version: string; fields: string[]; pipeline: string[] };
  /** Document refs in index order (posting lists hold positions in this list). */
  refs: string[];
  /** Every index term, sorted, joined by newlines. */
  terms: string;
  /** base64 of the packed posting lists, one per term in `terms` order. */
  postings: string;
}

interface LunrJson {
  version: string;
  fields: string[];
  pipeline: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, { _index: number }][];
}

export function buildSearchIndex(documents: readonly SearchDocument[]): SerializedSearchIndex {
  registerPipeline();
  const index = lunr(function () {
    this.tokenizer = lunrTokens as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(bilingualStem);
    this.searchPipeline.add(bilingualStem);
    this.metadataWhitelist = [];
    this.ref('ref');
    for (const [field, boost] of Object.entries(SEARCH_FIELDS)) {
      this.field(field, { boost, extractor: (doc: object) => (doc as SearchDocument).fields[field as SearchField] });
    }
    for (const document of documents) this.add(document);
  });
  const json = index.toJSON() as unknown as LunrJson;

  // lunr's term index (_index) → position in the sorted term list.
  const terms = json.invertedIndex.map(([term]) => term);
  const position = new Map<number, number>(json.invertedIndex.map(([, posting], i) => [posting._index, i]));
  const refs = documents.map((document) => document.ref);
  const docNumber = new Map(refs.map((ref, i) => [ref, i]));

  // One weight per (term, document): lunr's per-field weights summed. Field vectors are visited in
  // document order, so each posting list comes out sorted by document.
  const perTerm: Map<number, number>[] = terms.map(() => new Map());
  const vectors = json.fieldVectors
    .map(([fieldRef, elements]) => ({ doc: docNumber.get(fieldRef.slice(fieldRef.indexOf('/') + 1))!, elements }))
    .sort((a, b) => a.doc - b.doc);
  for (const { doc, elements } of vectors) {
    for (let i = 0; i < elements.length; i += 2) {
      const list = perTerm[position.get(elements[i]!)!]!;
      list.set(doc, (list.get(doc) ?? 0) + elements[i + 1]!);
    }
  }
  const packed = encodePostings(perTerm.map((list) => ({ docs: [...list.keys()], weights: [...list.values()] })));
  return {
    version: SEARCH_INDEX_VERSION,
    lunr: { version: json.version, fields: json.fields, pipeline: json.pipeline },
    refs,
    terms: terms.join('\n'),
    postings: toBase64(packed),
  };
}
