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

export function highlightRanges(text: string, tokens: readonly QueryToken[]): [number, number][] {
  const lower = normalizeText(text).length === text.length ? normalizeText(text) : text.toLowerCase();
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

export function makeSnippet(text: string, tokens: readonly QueryToken[]): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const all = highlightRanges(flat, tokens);
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space >= 0 && start - space < 12) start = space + 1;
  }
  const end = Math.min(flat.length, start + LENGTH);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${flat.slice(start, end)}${suffix}`,
    highlights: all
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]) => [s + shift, e + shift] as [number, number]),
  };
}
