/**
 * Bilingual tokenizer, used when the index is built (Node) and when it is queried (the renderer's
 * worker, the CLI). Latin text becomes lower-case words; Chinese text becomes overlapping character
 * bigrams (so 服务网格 matches 网格 even where the segmenter splits it oddly) plus the segmenter's
 * longer words. Traditional Chinese is folded to Simplified first (chinese-variants.ts), so 服務網格
 * and 服务网格 are the same tokens. Both sides must produce the same tokens, so everything lives in
 * this one function.
 */
import { simplifyChinese } from './chinese-variants';

const HAN = /\p{Script=Han}/u;
const RUNS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function isHanToken(token: string): boolean {
  return HAN.test(token);
}

/** Lower-case, width- and compatibility-normalized text (全角 ＡＢＣ → abc). */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Runs repeat a lot (the same words in many documents): their tokens are remembered. */
const HAN_CACHE_LIMIT = 50_000;
const hanCache = new Map<string, string[]>();

/** The Chinese tokens of one run of Han characters: bigrams, plus segmenter words of 3+ characters. */
export function hanTokens(run: string): string[] {
  const known = hanCache.get(run);
  if (known) return known;
  const tokens = computeHanTokens(run);
  if (hanCache.size >= HAN_CACHE_LIMIT) hanCache.clear();
  hanCache.set(run, tokens);
  return tokens;
}

function computeHanTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return [run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  for (const { segment, isWordLike } of segmenter.segment(run)) {
    if (isWordLike && [...segment].length >= 3) tokens.push(segment);
  }
  return tokens;
}

/**
 * The bigrams of a Chinese run that lie inside one of the segmenter's words (服务 in 服务网格),
 * as opposed to those that straddle two words (么情 in 什么情况). Single-character words count as
 * joinable to their neighbours, since the segmenter leaves many real terms in pieces (网/格), unless
 * one side is a function word (的, 了, 吗, …), which never forms a term.
 */
const FUNCTION_CHARACTERS = new Set([...'的了吗呢吧啊和与或及在是把被就都也还又很']);

export function wordInteriorBigrams(run: string): Set<string> {
  const inside = new Set<string>();
  const words = [...segmenter.segment(run)].map(({ segment }) => [...segment]);
  words.forEach((chars, index) => {
    for (let i = 0; i + 1 < chars.length; i++) inside.add(chars[i]! + chars[i + 1]!);
    const next = words[index + 1];
    const last = chars[chars.length - 1]!;
    if (next && (chars.length === 1 || next.length === 1) && !FUNCTION_CHARACTERS.has(last) && !FUNCTION_CHARACTERS.has(next[0]!)) {
      inside.add(last + next[0]!);
    }
  });
  return inside;
}

export interface QueryToken {
  /** The text as typed (normalized), for highlighting. */
  text: string;
  /** The index tokens it stands for. */
  terms: string[];
  han: boolean;
}

/** Splits text into runs and turns each into index tokens. */
export function tokenizeRuns(text: string): QueryToken[] {
  const result: QueryToken[] = [];
  for (const match of normalizeText(text).matchAll(RUNS)) {
    if (match[1]) {
      const run = simplifyChinese(match[1]);
      result.push({ text: run, terms: hanTokens(run), han: true });
    }
    else if (match[2]) result.push({ text: match[2], terms: [match[2]], han: false });
  }
  return result;
}

export function tokenize(text: string): string[] {
  return tokenizeRuns(text).flatMap((run) => run.terms);
}
