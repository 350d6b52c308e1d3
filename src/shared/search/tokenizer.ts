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

const SURROGATE = /[\ud800-\udfff]/;

function computeHanTokens(run: string): string[] {
  const chars = SURROGATE.test(run) ? [...run] : run.split('');
  if (chars.length === 1) return [run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  // The segmenter's words of 3+ characters need a run of 3+.
  if (chars.length < 3) return tokens;
  // Walked with containing() rather than iterated: a third less time on a cold start.
  const segments = segmenter.segment(run);
  for (let at = 0; at < run.length; ) {
    const { segment, index, isWordLike } = segments.containing(at)!;
    if (isWordLike && segment.length >= 3 && (chars.length === run.length || [...segment].length >= 3)) tokens.push(segment);
    at = index + segment.length;
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

/** What a character is to the tokenizer: part of a Han run, part of a word, or a separator. */
const OTHER = 1;
const WORD = 2;
const HAN_CHAR = 3;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function classify(char: string): number {
  if (HAN.test(char)) return HAN_CHAR;
  return WORD_CHAR.test(char) ? WORD : OTHER;
}

/** Classes of the Basic Multilingual Plane's code units, filled in on first sight (0: not yet). */
const BMP_CLASSES = new Uint8Array(0x10000);
/** A high surrogate: the class is that of the code point it starts, if a low surrogate follows. */
const PAIR = 4;
BMP_CLASSES.fill(PAIR, 0xd800, 0xdc00);
const ASTRAL_CLASSES = new Map<number, number>();

function astralClass(point: number): number {
  let known = ASTRAL_CLASSES.get(point);
  if (known === undefined) ASTRAL_CLASSES.set(point, (known = classify(String.fromCodePoint(point))));
  return known;
}

/**
 * Calls `visit` with where each run of already normalized text is, in order: a run of Han
 * characters, or one word of other letters and digits; anything else separates runs. A scan over
 * a table of character classes rather than a regular expression, and no strings made, since it
 * runs over every text the live user index holds.
 */
export function scanRuns(normalized: string, visit: (start: number, end: number, han: boolean) => void): void {
  const length = normalized.length;
  let start = 0;
  let current = OTHER;
  for (let at = 0; at < length; at++) {
    const unit = normalized.charCodeAt(at);
    let kind = BMP_CLASSES[unit]!;
    let pair = false;
    if (kind === 0) kind = BMP_CLASSES[unit] = classify(String.fromCharCode(unit));
    else if (kind === PAIR) {
      const next = at + 1 < length ? normalized.charCodeAt(at + 1) : 0;
      pair = next >= 0xdc00 && next <= 0xdfff;
      kind = pair ? astralClass(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000) : OTHER;
    }
    if (kind !== current) {
      if (current !== OTHER) visit(start, at, current === HAN_CHAR);
      current = kind;
      start = at;
    }
    if (pair) at++;
  }
  if (current !== OTHER) visit(start, length, current === HAN_CHAR);
}

/**
 * Lower case is the one part of normalizeText that can wait until a run is known to be new: it maps
 * one character to one character of the same class, except for İ (to i + a combining dot) and Σ
 * (ς at the end of a word), so only text with either is lower-cased whole first.
 */
const CONTEXTUAL_LOWER_CASE = /[\u0130\u03a3]/;

/**
 * Calls `visit` with each run of the text, normalized except for case: Latin runs as written (see
 * runTerms, which lower-cases them), Han runs not yet simplified. Lower-casing a run gives what
 * normalizeText would have, and a caller that remembers runs does it once per distinct run.
 */
export function forEachRun(text: string, visit: (run: string, han: boolean) => void): void {
  let normalized = text.normalize('NFKC');
  if (CONTEXTUAL_LOWER_CASE.test(normalized)) normalized = normalized.toLowerCase();
  scanRuns(normalized, (start, end, han) => visit(normalized.slice(start, end), han));
}

/** The index tokens of one run from forEachRun (a Latin word is its own token, before stemming). */
export function runTerms(run: string, han: boolean): string[] {
  return han ? hanTokens(simplifyChinese(run)) : [run.toLowerCase()];
}

/** Splits text into runs and turns each into index tokens. */
export function tokenizeRuns(text: string): QueryToken[] {
  const result: QueryToken[] = [];
  forEachRun(text, (run, han) => {
    if (han) {
      const simplified = simplifyChinese(run);
      result.push({ text: simplified, terms: hanTokens(simplified), han: true });
    } else {
      const word = run.toLowerCase();
      result.push({ text: word, terms: [word], han: false });
    }
  });
  return result;
}

export function tokenize(text: string): string[] {
  return tokenizeRuns(text).flatMap((run) => run.terms);
}
