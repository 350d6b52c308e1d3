/**
 * The lunr token pipeline for a bilingual index: English words are stop-word filtered and stemmed
 * (Porter); Chinese tokens pass through untouched (lunr's trimmer and stemmer would destroy them).
 * Registered under a fixed name so a serialized index can be loaded again.
 */
import lunr from 'lunr';
import { isHanToken } from './tokenizer';

const STEM_LABEL = 'atlasBilingualStem';

export const bilingualStem: lunr.PipelineFunction = (token) => {
  const text = token.toString();
  if (isHanToken(text)) return token;
  if (lunr.stopWordFilter(token) === undefined) return undefined as unknown as lunr.Token;
  return lunr.stemmer(token);
};

let registered = false;

/** Must run before an index is built or loaded. */
export function registerPipeline(): void {
  if (registered) return;
  lunr.Pipeline.registerFunction(bilingualStem, STEM_LABEL);
  registered = true;
}

const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string | null>();

/** The stemmed form of one English word (or the token itself for Chinese), null for stop words. */
export function stemTerm(term: string): string | null {
  if (isHanToken(term)) return term;
  const known = stemCache.get(term);
  if (known !== undefined) return known;
  const token = new lunr.Token(term, {});
  const stem = lunr.stopWordFilter(token) === undefined ? null : lunr.stemmer(token).toString();
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(term, stem);
  return stem;
}
