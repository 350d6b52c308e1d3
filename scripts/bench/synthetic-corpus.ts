/**
 * A deterministic synthetic bilingual corpus shaped like the bundled notes, for the search benchmark:
 * documents of 150–300 tokens drawn from a Zipf-distributed vocabulary, about half Chinese and half
 * English, written as sentences (Chinese sentences are unbroken runs of Han characters, as in real
 * text, so the tokenizer sees the same kind of input), with titles, headings and tags.
 */
import type { SearchDocument } from '../../src/shared/search/documents';

export interface SyntheticCorpusOptions {
  documents: number;
  /** Terms per language; the vocabulary is twice this. */
  termsPerLanguage: number;
  minTokens: number;
  maxTokens: number;
  /** The Zipf exponent: the frequency of the term of rank r is proportional to 1 / r^s. */
  zipfExponent: number;
  seed: number;
}

export const DEFAULT_SYNTHETIC_OPTIONS: SyntheticCorpusOptions = {
  documents: 10_000,
  termsPerLanguage: 12_000,
  minTokens: 150,
  maxTokens: 300,
  zipfExponent: 1,
  seed: 20_181_122,
};

export interface SyntheticCorpus {
  options: SyntheticCorpusOptions;
  documents: SearchDocument[];
  /** Vocabularies in rank order (index 0 is the most frequent term). */
  english: string[];
  chinese: string[];
  tokens: number;
}

/** mulberry32: a small, fast, seeded PRNG, so every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Draws ranks 0..n-1 with Zipf probabilities, by binary search over the cumulative distribution. */
export function zipfSampler(n: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let rank = 0; rank < n; rank++) {
    sum += 1 / (rank + 1) ** exponent;
    cumulative[rank] = sum;
  }
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cl', 'tr', 'st', 'pr', 'gr', 'sh', 'ch', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'io', 'ou', 'ai'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'x', 'nd', 'rk', 'st'];

/** Pronounceable, distinct English-like words of 1–4 syllables (3–14 letters). */
function englishVocabulary(count: number, random: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = 1 + Math.floor(random() * 4);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
    if (word.length >= 3) words.add(word);
  }
  return [...words];
}

/** Distinct Chinese words of 2–4 characters from the 3,500 most common CJK code points. */
function chineseVocabulary(count: number, random: () => number): string[] {
  const characters: string[] = [];
  for (let i = 0; i < 3_500; i++) characters.push(String.fromCodePoint(0x4e00 + Math.floor((i * 20_901) / 3_500)));
  const words = new Set<string>();
  while (words.size < count) {
    const length = random() < 0.6 ? 2 : random() < 0.7 ? 3 : 4;
    let word = '';
    for (let i = 0; i < length; i++) word += characters[Math.floor(random() * characters.length)]!;
    words.add(word);
  }
  return [...words];
}

export function syntheticCorpus(options: SyntheticCorpusOptions = DEFAULT_SYNTHETIC_OPTIONS): SyntheticCorpus {
  const random = seededRandom(options.seed);
  const english = englishVocabulary(options.termsPerLanguage, random);
  const chinese = chineseVocabulary(options.termsPerLanguage, random);
  const drawEnglish = zipfSampler(english.length, options.zipfExponent, random);
  const drawChinese = zipfSampler(chinese.length, options.zipfExponent, random);
  const documents: SearchDocument[] = [];
  let tokens = 0;

  // A sentence is 6–14 words of one language; English words are spaced, Chinese ones are not.
  const sentence = (zh: boolean, words: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < words; i++) parts.push(zh ? chinese[drawChinese()]! : english[drawEnglish()]!);
    return zh ? `${parts.join('')}。` : `${parts.join(' ')}.`;
  };

  for (let d = 0; d < options.documents; d++) {
    const target = options.minTokens + Math.floor(random() * (options.maxTokens - options.minTokens + 1));
    const zhParts: string[] = [];
    const enParts: string[] = [];
    let count = 0;
    while (count < target) {
      const words = Math.min(6 + Math.floor(random() * 9), target - count);
      const zh = random() < 0.5;
      (zh ? zhParts : enParts).push(sentence(zh, words));
      count += words;
    }
    tokens += count;
    const titleZh = sentence(true, 1 + Math.floor(random() * 2)).slice(0, -1);
    const titleEn = sentence(false, 1 + Math.floor(random() * 3)).slice(0, -1);
    const headings = `${sentence(true, 2).slice(0, -1)}\n${sentence(false, 2).slice(0, -1)}`;
    const tags = [chinese[drawChinese()]!, english[drawEnglish()]!, english[drawEnglish()]!].join('\n');
    const zhText = zhParts.join('');
    const enText = enParts.join(' ');
    documents.push({
      ref: `doc:${d}`,
      kind: 'section',
      noteId: `note-${d % 500}`,
      sectionId: `section-${d}`,
      parentSectionId: null,
      names: [],
      url: null,
      category: null,
      title: { zh: titleZh, en: titleEn },
      text: { zh: zhText, en: enText },
      fields: { title: `${titleZh}\n${titleEn}`, headings, tags, body: `${zhText}\n${enText}` },
    });
  }
  return { options, documents, english, chinese, tokens };
}
