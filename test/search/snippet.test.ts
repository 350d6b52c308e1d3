import { describe, expect, it } from 'vitest';
import { isSpace, makeSnippet } from '../../src/shared/search/snippet';
import { normalizeText, tokenizeRuns } from '../../src/shared/search/tokenizer';
import { seededRandom } from '../../scripts/bench/synthetic-corpus';

/** The straightforward snippet: flatten the whole text, find the first match, cut the window. */
function reference(text: string, query: string): { text: string; highlights: [number, number][] } {
  const needles = [...new Set(tokenizeRuns(query).flatMap((t) => (t.han && t.text.length > 2 ? [t.text, ...t.terms] : [t.text])))].sort((a, b) => b.length - a.length);
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = normalizeText(flat);
  const found = needles.map((n) => lower.indexOf(n)).filter((at) => at >= 0);
  let start = Math.max(0, (found.length ? Math.min(...found) : -1) - 30);
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space >= 0 && start - space < 12) start = space + 1;
  }
  const end = Math.min(flat.length, start + 120);
  const prefix = start > 0 ? '…' : '';
  const window = lower.slice(start, end);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    for (let at = window.indexOf(needle); at >= 0; at = window.indexOf(needle, at + needle.length)) {
      if (!ranges.some(([s, e]) => at < e && at + needle.length > s)) ranges.push([at, at + needle.length]);
    }
  }
  const highlights = ranges.sort((a, b) => a[0] - b[0]).map(([s, e]): [number, number] => [s + prefix.length, e + prefix.length]);
  return { text: `${prefix}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`, highlights };
}

describe('snippets', () => {
  it('cut a window around the first match deep in a long text, whitespace collapsed, matches marked', () => {
    const text = `${'Lorem ipsum dolor.\n\n    '.repeat(200)}Envoy   gets its config over xDS.\n${'More text here. '.repeat(200)}`;
    const snippet = makeSnippet(text, tokenizeRuns('xds'));
    expect(snippet.text.startsWith('…') && snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text).toContain('Envoy gets its config over xDS.');
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['xDS']);
  });

  it('start at the beginning when nothing matches, and mark Chinese runs and their bigrams', () => {
    expect(makeSnippet('  短文本  ', tokenizeRuns('envoy'))).toEqual({ text: '短文本', highlights: [] });
    const snippet = makeSnippet('Istio 是一种服务网格，网格里的代理', tokenizeRuns('服务网格'));
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['服务网格', '网格']);
  });

  it('equal the straightforward snippet on texts with runs of whitespace anywhere', () => {
    const random = seededRandom(4);
    const words = ['envoy', 'xDS', 'Proxy', '服务网格', '网格', 'a', 'listener', 'ＡＢＣ'];
    const spaces = [' ', '  ', '\n', '\n\n   ', '\t', ' \u3000 ', '          '];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let i = 0; i < 2000; i++) {
      let text = random() < 0.3 ? pick(spaces) : '';
      for (let k = Math.floor(random() * 100); k > 0; k--) text += pick(words) + pick(spaces);
      const query = random() < 0.3 ? `${pick(words)} ${pick(words)}` : pick(words);
      expect(makeSnippet(text, tokenizeRuns(query)), JSON.stringify({ text, query })).toEqual(reference(text, query));
    }
  });
});

describe('what counts as whitespace in a snippet', () => {
  it('is exactly what \\s matches', () => {
    for (let code = 0; code < 0x10000; code++) expect(isSpace(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
  });
});
