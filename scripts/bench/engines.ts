/**
 * The three engines of the benchmark behind one small interface: build from search documents,
 * serialize, load the serialized form, answer a query with the refs of the top results.
 *
 * Fairness: all three index the same four fields of the same documents with the same bilingual
 * tokenizer (words + Han bigrams + segmenter words) and the same English stemming, and see the
 * same query text.
 * - atlas: our lunr index and query engine (src/shared/search), exactly as the app runs it,
 *   snippets included.
 * - MiniSearch: field boosts like ours (title 8, headings 3, tags 2, body 1), OR of all terms,
 *   prefix search on the last typed word, fuzzy edit distance 1 for words of 5+ letters.
 * - FlexSearch (Document index): `tokenize: 'forward'` so prefixes match; fields searched in
 *   boost order and merged (FlexSearch has no per-field score weights); `suggest: true` so
 *   partial matches are returned instead of nothing; FlexSearch has no edit-distance fuzziness
 *   over custom tokens, so typos cannot be found (it shows in its recall).
 */
import FlexSearch, { type Document as FlexSearchDocument } from 'flexsearch';
import MiniSearch from 'minisearch';
import { buildSearchIndex, type SerializedSearchIndex } from '../../src/shared/search/build-index';
import { SEARCH_FIELDS, type SearchDocument, type SearchField } from '../../src/shared/search/documents';
import { SearchEngine } from '../../src/shared/search/engine';
import { stemTerm } from '../../src/shared/search/pipeline';
import { isHanToken, tokenize } from '../../src/shared/search/tokenizer';

export interface LoadedEngine {
  /** Refs of the top `limit` documents. */
  search(query: string, limit: number): string[];
}

export interface BenchEngine {
  name: 'atlas' | 'minisearch' | 'flexsearch';
  /** Builds the index and returns its serialized form. */
  build(documents: readonly SearchDocument[]): Promise<string>;
  /** Deserializes the built index into an engine ready to answer. */
  load(serialized: string, documents: readonly SearchDocument[]): Promise<LoadedEngine>;
}

const FIELDS = Object.keys(SEARCH_FIELDS) as SearchField[];

/** The stemmed tokens of a text, stop words dropped: what every engine indexes. */
function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const stem = stemTerm(token);
    if (stem) terms.push(stem);
  }
  return terms;
}

const atlas: BenchEngine = {
  name: 'atlas',
  async build(documents) {
    return JSON.stringify(buildSearchIndex(documents));
  },
  async load(serialized, documents) {
    const engine = SearchEngine.load(JSON.parse(serialized) as SerializedSearchIndex, documents);
    return { search: (query, limit) => engine.search(query, { limit, language: 'en' }).map((r) => r.ref) };
  },
};

function miniSearchOptions() {
  return {
    idField: 'ref',
    fields: FIELDS,
    extractField: (doc: unknown, field: string) => {
      const document = doc as SearchDocument;
      return field === 'ref' ? document.ref : document.fields[field as SearchField];
    },
    tokenize: (text: string) => tokenize(text),
    processTerm: (term: string) => stemTerm(term) ?? null,
    searchOptions: {
      boost: { ...SEARCH_FIELDS },
      combineWith: 'OR' as const,
      prefix: (_term: string, index: number, terms: string[]) => index === terms.length - 1,
      fuzzy: (term: string) => (term.length >= 5 && !isHanToken(term) ? 1 : false),
    },
  };
}

function miniSearchEngine(index: MiniSearch): LoadedEngine {
  return { search: (query, limit) => index.search(query).slice(0, limit).map((r) => String(r.id)) };
}

const minisearch: BenchEngine = {
  name: 'minisearch',
  async build(documents) {
    const index = new MiniSearch(miniSearchOptions());
    index.addAll(documents as SearchDocument[]);
    return JSON.stringify(index);
  },
  async load(serialized) {
    return miniSearchEngine(MiniSearch.loadJSON(serialized, miniSearchOptions()));
  },
};

type FlexDocument = { ref: string } & Record<SearchField, string>;

function flexIndex(): FlexSearchDocument<FlexDocument> {
  return new FlexSearch.Document<FlexDocument>({
    tokenize: 'forward',
    encode: analyze,
    document: { id: 'ref', index: FIELDS },
  });
}

function flexEngine(index: FlexSearchDocument<FlexDocument>): LoadedEngine {
  return {
    search(query, limit) {
      const results = index.search({ query, limit, suggest: true, merge: true }) as unknown as { id: string }[];
      return results.slice(0, limit).map((r) => String(r.id));
    },
  };
}

function flexBuild(documents: readonly SearchDocument[]): FlexSearchDocument<FlexDocument> {
  const index = flexIndex();
  for (const document of documents) index.add({ ref: document.ref, ...document.fields });
  return index;
}

const flexsearch: BenchEngine = {
  name: 'flexsearch',
  async build(documents) {
    const index = flexBuild(documents);
    const chunks: [string, string][] = [];
    await index.export((key: string, data: string) => {
      chunks.push([key, data]);
    });
    return JSON.stringify(chunks);
  },
  async load(serialized) {
    const index = flexIndex();
    for (const [key, data] of JSON.parse(serialized) as [string, string][]) index.import(key, data);
    return flexEngine(index);
  },
};

export const BENCH_ENGINES: readonly BenchEngine[] = [atlas, minisearch, flexsearch];
