/**
 * The fixed query mix timed on the synthetic corpus: frequent, mid-frequency and rare terms in both
 * languages, two-word and mixed-language queries, prefixes (as typed) and English typos.
 */
import { seededRandom, type SyntheticCorpus } from './synthetic-corpus';

export interface BenchQuery {
  query: string;
  kind: string;
}

/** Ranks used for each frequency band, as fractions of the vocabulary. */
const BANDS = {
  frequent: [0, 0.005],
  mid: [0.02, 0.2],
  rare: [0.6, 1],
} as const;

export function benchQueries(corpus: SyntheticCorpus, seed = 7): BenchQuery[] {
  const random = seededRandom(seed);
  const pick = (words: readonly string[], band: keyof typeof BANDS, filter: (w: string) => boolean = () => true): string => {
    const [from, to] = BANDS[band];
    for (;;) {
      const rank = Math.floor((from + random() * (to - from)) * words.length);
      const word = words[Math.min(rank, words.length - 1)]!;
      if (filter(word)) return word;
    }
  };
  const queries: BenchQuery[] = [];
  const add = (kind: string, count: number, make: () => string): void => {
    for (let i = 0; i < count; i++) queries.push({ kind, query: make() });
  };
  const { english, chinese } = corpus;

  for (const band of ['frequent', 'mid', 'rare'] as const) {
    add(`en-${band}`, 20, () => pick(english, band));
    add(`zh-${band}`, 20, () => pick(chinese, band));
  }
  add('en-two-words', 15, () => `${pick(english, 'mid')} ${pick(english, 'frequent')}`);
  add('zh-two-words', 15, () => `${pick(chinese, 'mid')}${pick(chinese, 'mid')}`);
  add('mixed', 20, () => `${pick(english, 'mid')} ${pick(chinese, 'mid')}`);
  add('en-prefix', 20, () => {
    const word = pick(english, 'mid', (w) => w.length >= 5);
    return word.slice(0, 2 + Math.floor(random() * (word.length - 3)));
  });
  add('zh-prefix', 10, () => [...pick(chinese, 'mid')][0]!);
  add('en-typo', 20, () => {
    const word = pick(english, 'mid', (w) => w.length >= 6);
    const at = 1 + Math.floor(random() * (word.length - 2));
    const replacement = word[at] === 'q' ? 'j' : 'q';
    return word.slice(0, at) + replacement + word.slice(at + 1);
  });
  add('en-phrase-typed', 20, () => {
    const first = pick(english, 'mid');
    const second = pick(english, 'mid', (w) => w.length >= 5);
    return `${first} ${second.slice(0, 3)}`;
  });
  return queries;
}

/** Every prefix of each query, as the palette sees them while someone types it. */
export function typedPrefixes(queries: readonly string[]): string[] {
  const typed: string[] = [];
  for (const query of queries) {
    const chars = [...query];
    for (let i = 1; i <= chars.length; i++) {
      const prefix = chars.slice(0, i).join('');
      if (prefix.trim()) typed.push(prefix);
    }
  }
  return typed;
}
