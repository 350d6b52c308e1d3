/**
 * Re-attaching a highlight to a text that may have changed since it was made, the way Hypothesis
 * does it: first the exact position (nothing changed), then the exact quote nearest to where it
 * was (text moved), then an approximate match of the quote (text edited), each candidate scored by
 * how well its surroundings match the saved prefix and suffix and how far it is from the old
 * position. No acceptable candidate: the annotation is orphaned (kept, and listed as such).
 */
import approxSearch from 'approx-string-match';
import type { TextSelectors } from './selectors';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
}

/** At most this share of the quote may differ for a fuzzy match to count. */
const MAX_ERROR_RATE = 0.25;
/** Weights of the candidate score (Hypothesis uses the same kind of mix). */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** 1 when `a` and `b` are equal, down to 0 when every character differs. */
function similarity(a: string, b: string): number {
  if (a.length === 0 && b.length === 0) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const matches = approxSearch(b, a, longest);
  const errors = matches.length > 0 ? Math.min(...matches.map((m) => m.errors + Math.abs(m.end - m.start - a.length))) : longest;
  return 1 - Math.min(errors, longest) / longest;
}

/** A candidate [start, end) scored against the saved context and position. */
function score(text: string, start: number, end: number, errors: number, selectors: TextSelectors): number {
  const { exact, prefix, suffix } = selectors.quote;
  const quoteScore = 1 - errors / exact.length;
  const prefixScore = prefix ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : 1;
  const suffixScore = suffix ? similarity(suffix, text.slice(end, end + suffix.length)) : 1;
  const distance = Math.abs(start - selectors.position.start);
  const positionScore = 1 - distance / Math.max(text.length, 1);
  return QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore;
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** Where the selectors point in `text` now, or null when the quote cannot be found there. */
export function anchor(text: string, selectors: TextSelectors): Anchored | null {
  const { exact } = selectors.quote;
  const { start, end } = selectors.position;
  if (text.slice(start, end) === exact) return { start, end, method: 'position' };

  const occurrences = exactOccurrences(text, exact);
  if (occurrences.length > 0) {
    const best = occurrences
      .map((at) => ({ at, score: score(text, at, at + exact.length, 0, selectors) }))
      .sort((a, b) => b.score - a.score)[0]!;
    return { start: best.at, end: best.at + exact.length, method: 'quote' };
  }

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  const candidates = approxSearch(text, exact, maxErrors);
  if (candidates.length === 0) return null;
  const best = candidates
    .map((match) => ({ match, score: score(text, match.start, match.end, match.errors, selectors) }))
    .sort((a, b) => b.score - a.score)[0]!;
  return { start: best.match.start, end: best.match.end, method: 'fuzzy' };
}
