import { describe, expect, it } from 'vitest';
import { stemTerm } from '../../src/shared/search/pipeline';
import { hanTokens, normalizeText, scanRuns, tokenize, tokenizeRuns } from '../../src/shared/search/tokenizer';
import { seededRandom } from '../../scripts/bench/synthetic-corpus';

/** The rule for runs, as a regular expression: a run of Han characters, or of other letters and digits. */
const RULE = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

describe('bilingual tokenizer', () => {
  it('lower-cases English words and splits on punctuation', () => {
    expect(tokenize('gRPC-Web over HTTP/2, Envoy’s xDS')).toEqual(['grpc', 'web', 'over', 'http', '2', 'envoy', 's', 'xds']);
  });

  it('turns Chinese runs into overlapping bigrams, so any two-character part matches', () => {
    expect(hanTokens('服务网格')).toEqual(expect.arrayContaining(['服务', '务网', '网格']));
    expect(tokenize('服务网格')).toContain('网格');
  });

  it('keeps a lone Chinese character', () => {
    expect(tokenize('Docker 库')).toEqual(['docker', '库']);
  });

  it('handles mixed text without spaces between scripts', () => {
    expect(tokenizeRuns('Istio中文文档').map((run) => [run.text, run.han])).toEqual([
      ['istio', false],
      ['中文文档', true],
    ]);
  });

  it('normalizes full-width letters', () => {
    expect(tokenize('ＫＵＢＥＲＮＥＴＥＳ')).toEqual(['kubernetes']);
  });

  it('stems English but never Chinese, and drops English stop words', () => {
    expect(stemTerm('proxies')).toBe(stemTerm('proxy'));
    expect(stemTerm('containers')).toBe('contain');
    expect(stemTerm('网格')).toBe('网格');
    expect(stemTerm('the')).toBeNull();
  });

  it('splits text into runs exactly as the rule says, astral characters and stray surrogates included', () => {
    const alphabet = ['a', 'Z', '7', 'é', 'e\u0301', '服', '務', '𠮷', '𝐀', '😀', '\ud800', '\udc00', ' ', '-', '，', 'ｋ', '٣', 'ß', 'Ⅻ', '\u3007'];
    const random = seededRandom(3);
    for (let i = 0; i < 500; i++) {
      const text = normalizeText(Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
      const runs: [string, boolean][] = [];
      scanRuns(text, (start, end, han) => runs.push([text.slice(start, end), han]));
      expect(runs, JSON.stringify(text)).toEqual([...text.matchAll(RULE)].map((m) => [m[0], Boolean(m[1])]));
    }
  });

  it('gives the runs of the whole text lower-cased, though it lower-cases word by word', () => {
    const alphabet = ['A', 'b', 'İ', 'I', 'Σ', 'ΟΔΟ', 'σ', 'ẞ', 'Ǆ', 'Ⅻ', 'Ⓐ', 'Ａ', 'ｂ', '服務', '网', ' ', '.', "'", '\u0301', '9'];
    const random = seededRandom(5);
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const expected = [...normalizeText(text).matchAll(RULE)].map((m) => (m[1] ? tokenizeRuns(m[1])[0]!.text : m[0]));
      expect(tokenizeRuns(text).map((run) => run.text), JSON.stringify(text)).toEqual(expected);
    }
  });
});
