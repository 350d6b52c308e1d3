/**
 * Bilingual tokenizer, used when the index is built (Node) and when it is queried (the renderer's
 * worker, the CLI). Latin text becomes lower-case words; Chinese text becomes overlapping character
 * bigrams (so 服务网格 matches 网格 even where the segmenter splits it oddly) plus the segmenter's
 * longer words. Both sides must produce the same tokens, so everything lives in this one function.
 */

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

/** The Chinese tokens of one run of Han characters: bigrams, plus segmenter words of 3+ characters. */
export function hanTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return [run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  for (const { segment, isWordLike } of segmenter.segment(run)) {
    if (isWordLike && [...segment].length >= 3) tokens.push(segment);
  }
  return tokens;
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
    if (match[1]) result.push({ text: match[1], terms: hanTokens(match[1]), han: true });
    else if (match[2]) result.push({ text: match[2], terms: [match[2]], han: false });
  }
  return result;
}

export function tokenize(text: string): string[] {
  return tokenizeRuns(text).flatMap((run) => run.terms);
}
