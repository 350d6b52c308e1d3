/** Builds the lunr index over search documents (at build time) and serializes it as JSON. */
import lunr from 'lunr';
import { SEARCH_FIELDS, type SearchDocument, type SearchField } from './documents';
import { bilingualStem, registerPipeline } from './pipeline';
import { tokenize } from './tokenizer';

/** lunr's tokenizer contract, over our bilingual tokenizer. */
function lunrTokens(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  return tokenize(String(value)).map((term, position) => new lunr.Token(term, { position }));
}

export interface SerializedSearchIndex {
  version: 1;
  lunr: object;
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
  return { version: 1, lunr: index.toJSON() };
}
