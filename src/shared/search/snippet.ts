/** Cuts a short snippet around the first match and marks where the query's words appear in it. */
import { normalizeText, type QueryToken } from './tokenizer';

export interface Snippet {
  text: string;
  /** [start, end) character ranges within `text` to highlight. */
  highlights: [number, number][];
}

const BEFORE = 30;
const LENGTH = 120;
/** The window starts at the beginning of its first word when that is at most this far back. */
const WORD_REACH = 12;

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

/** Where the needles occur in `lower` (matchable text), without overlaps, in order. */
function highlightRanges(lower: string, wanted: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const needle of wanted) {
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

const SPACES = /\s+/g;
const CONTENT = /\S/;

/** The characters `\s` matches, by code (a regular expression per character is too slow here). */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Texts are the same strings query after query (V8 hashes a string once, so the lookup is cheap
 * even for long sections): their matchable form is kept.
 */
const LOWER_LIMIT = 20_000;
const lowered = new Map<string, string>();

function matchableOnce(text: string): string {
  let lower = lowered.get(text);
  if (lower === undefined) {
    lower = matchable(text);
    if (lowered.size >= LOWER_LIMIT) lowered.clear();
    lowered.set(text, lower);
  }
  return lower;
}

/** Where the earliest needle occurs in `lower`, or -1. */
function firstMatch(lower: string, wanted: readonly string[]): number {
  let first = -1;
  for (const needle of wanted) {
    const at = lower.indexOf(needle);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** Where to stop after `count` characters of collapsed text, walking from `at` by `step` (±1). */
function walk(text: string, at: number, step: 1 | -1, count: number): number {
  let seen = 0;
  let inSpace = false;
  while (seen < count && (step < 0 ? at > 0 : at < text.length)) {
    const space = isSpace(text.charCodeAt(step < 0 ? at - 1 : at));
    at += step;
    if (!space || !inSpace) seen += 1;
    inSpace = space;
  }
  return at;
}

/**
 * The snippet: a window of the text around the first match, with the matches inside it marked,
 * whitespace collapsed to single spaces. Only the first match is looked for in the whole text;
 * just enough text around it to fill the window is flattened, and the highlights found there, so
 * a long text costs little more than a short one.
 */
export function makeSnippet(text: string, tokens: readonly QueryToken[]): Snippet {
  const wanted = needles(tokens);
  const first = firstMatch(matchableOnce(text), wanted);
  // The window's context before the match (and a word's reach more, to start on a word) and its length after.
  const from = walk(text, Math.max(first, 0), -1, BEFORE + WORD_REACH);
  const to = walk(text, Math.max(first, 0), 1, LENGTH + 1);
  const contentBefore = from > 0 && CONTENT.test(text.slice(0, from));
  const contentAfter = to < text.length && CONTENT.test(text.slice(to));
  let flat = text.slice(from, to).replace(SPACES, ' ');
  if (!contentBefore) flat = flat.trimStart();
  if (!contentAfter) flat = flat.trimEnd();
  const flatLower = matchable(flat);
  let start = Math.max(0, firstMatch(flatLower, wanted) - BEFORE);
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space >= 0 && start - space < WORD_REACH) start = space + 1;
  }
  const end = Math.min(flat.length, start + LENGTH);
  const prefix = start > 0 || contentBefore ? '…' : '';
  const suffix = end < flat.length || contentAfter ? '…' : '';
  return {
    text: `${prefix}${flat.slice(start, end)}${suffix}`,
    highlights: highlightRanges(flatLower.slice(start, end), wanted).map(([s, e]) => [s + prefix.length, e + prefix.length] as [number, number]),
  };
}
