/**
 * Vocabulary terms one typo away from a word, found through shared deletions (the symmetric delete
 * idea of SymSpell): a word and a term one insertion, deletion, substitution or swap of neighbours
 * apart always share one of {the word, the word less one letter} with one of {the term, the term
 * less one letter}. So each term is filed under itself and its one-letter deletions, and a lookup
 * costs the word's length in map probes (then an exact check of the few candidates) instead of a
 * scan over every term of a similar length.
 */
export class TypoIndex {
  private readonly byKey = new Map<string, string[]>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      for (const key of deletionKeys(term)) {
        const filed = this.byKey.get(key);
        if (filed) filed.push(term);
        else this.byKey.set(key, [term]);
      }
    }
  }

  /** The terms within one edit of `word` (`word` itself included when it is a term). */
  near(word: string): string[] {
    const found = new Set<string>();
    for (const key of deletionKeys(word)) {
      for (const term of this.byKey.get(key) ?? []) if (!found.has(term) && withinOneEdit(word, term)) found.add(term);
    }
    return [...found];
  }
}

/** The word and every word one letter shorter. */
function deletionKeys(word: string): Set<string> {
  const keys = new Set([word]);
  for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/** True when `a` becomes `b` by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const diff = a.length - b.length;
  if (diff > 1 || diff < -1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (diff === 0) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return diff > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
