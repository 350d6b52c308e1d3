/** Cuts a short snippet around the first match and marks where the query's words appear in it. */
import { normalizeText, type QueryToken } from './tokenizer';

export interface Snippet {
  text: string;
  /** [start, end) character ranges within `text` to highlight. */
  highlights: [number, number][];
}

const BEFORE = 30;
const LENGTH = 120;

/** The strings to look for: each word as typed, and each Chinese run or, failing that, its bigrams. */
function needles(tokens: readonly QueryToken[]): string[] {
  const found = tokens.flatMap((token) => (token.han && [...token.text].length > 2 ? [token.text, ...token.terms] : [token.text]));
  return [...new Set(found.filter((needle) => needle.length > 0))].sort((a, b) => b.length - a.length);
}

/** Lower-cased text for matching, with the same length as `text` so positions carry over. */
function matchable(text: string): string {
  const normalized = normalizeText(text);
  return normalized.length === text.length ? normalized : text.toLowerCase();
}

export function highlightRanges(text: string, tokens: readonly QueryToken[]): [number, number][] {
  const lower = matchable(text);
  const ranges: [number, number][] = [];
  for (const needle of needles(tokens)) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
      from = end;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * Documents' texts are the same strings query after query: their flattened and lower-cased forms
 * are kept (V8 hashes a string once, so the lookup is cheap even for long sections).
 */
const PREPARED_LIMIT = 20_000;
const preparedTexts = new Map<string, { flat: string; lower: string }>();

function prepared(text: string): { flat: string; lower: string } {
  let entry = preparedTexts.get(text);
  if (!entry) {
    const flat = text.replace(/\s+/g, ' ').trim();
    entry = { flat, lower: matchable(flat) };
    if (preparedTexts.size >= PREPARED_LIMIT) preparedTexts.clear();
    preparedTexts.set(text, entry);
  }
  return entry;
}

/**
 * The snippet: a window of the text around the first match, with the matches inside it marked.
 * Only the first match is searched for in the whole text; highlights are computed in the window,
 * so long sections cost no more than short ones.
 */
export function makeSnippet(text: string, tokens: readonly QueryToken[]): Snippet {
  const { flat, lower } = prepared(text);
  let first = -1;
  for (const needle of needles(tokens)) {
    const at = lower.indexOf(needle);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  let start = Math.max(0, first - BEFORE);
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space >= 0 && start - space < 12) start = space + 1;
  }
  const end = Math.min(flat.length, start + LENGTH);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length;
  return {
    text: `${prefix}${flat.slice(start, end)}${suffix}`,
    highlights: highlightRanges(flat.slice(start, end), tokens).map(([s, e]) => [s + shift, e + shift] as [number, number]),
  };
}
