import { describe, expect, it } from 'vitest';
import { benchQueries, typedPrefixes } from '../../scripts/bench/queries';
import { DEFAULT_SYNTHETIC_OPTIONS, syntheticCorpus, zipfSampler, seededRandom } from '../../scripts/bench/synthetic-corpus';
import { isHanToken, tokenize } from '../../src/shared/search/tokenizer';

const small = { ...DEFAULT_SYNTHETIC_OPTIONS, documents: 200 };

describe('the benchmark corpus', () => {
  it('is the same on every run and has documents of 150–300 words, with titles', () => {
    const a = syntheticCorpus(small);
    const b = syntheticCorpus(small);
    expect(a.documents.map((d) => d.fields.body)).toEqual(b.documents.map((d) => d.fields.body));
    expect(a.documents).toHaveLength(200);
    expect(a.tokens / 200).toBeGreaterThanOrEqual(150);
    expect(a.tokens / 200).toBeLessThanOrEqual(300);
    expect(a.documents.every((d) => d.title.zh && d.title.en)).toBe(true);
  });

  it('draws from at least 20,000 distinct terms, half Chinese and half English', () => {
    const { english, chinese } = syntheticCorpus(small);
    expect(new Set([...english, ...chinese]).size).toBeGreaterThanOrEqual(20_000);
    expect(english.length).toBe(chinese.length);
    expect(chinese.every((w) => [...w].every((c) => isHanToken(c)))).toBe(true);
    expect(english.every((w) => /^[a-z]+$/.test(w))).toBe(true);
  });

  it('follows a Zipf distribution: rank 1 about twice as frequent as rank 2, ten times rank 10', () => {
    const draw = zipfSampler(1000, 1, seededRandom(1));
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 200_000; i++) counts[draw()]! += 1;
    expect(counts[0]! / counts[1]!).toBeCloseTo(2, 0);
    expect(counts[0]! / counts[9]!).toBeGreaterThan(8);
    expect(counts[0]! / counts[9]!).toBeLessThan(12);
  });

  it('mixes about as much Chinese as English text', () => {
    const { documents } = syntheticCorpus(small);
    const chars = documents.map((d) => d.text.zh).join('').length;
    const words = documents.map((d) => d.text.en.split(' ').length).reduce((x, y) => x + y, 0);
    const zhWords = chars / 2.6; // words are 2–4 characters, mostly 2
    expect(zhWords / words).toBeGreaterThan(0.8);
    expect(zhWords / words).toBeLessThan(1.25);
  });
});

describe('the benchmark query mix', () => {
  it('has at least 200 queries across frequency bands, both languages, prefixes and typos', () => {
    const queries = benchQueries(syntheticCorpus(small));
    expect(queries.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const kind of ['en-frequent', 'en-mid', 'en-rare', 'zh-frequent', 'zh-mid', 'zh-rare', 'en-prefix', 'zh-prefix', 'en-typo', 'mixed']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    expect(queries.every((q) => tokenize(q.query).length > 0)).toBe(true);
  });

  it('types each query one character at a time', () => {
    expect(typedPrefixes(['ab c', '服务'])).toEqual(['a', 'ab', 'ab ', 'ab c', '服', '服务']);
  });
});
