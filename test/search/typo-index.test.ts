import { describe, expect, it } from 'vitest';
import { TypoIndex, withinOneEdit } from '../../src/shared/search/typo-index';
import { seededRandom } from '../../scripts/bench/synthetic-corpus';

describe('the typo index', () => {
  it('finds exactly the terms a scan with withinOneEdit finds, for words near and far', () => {
    const random = seededRandom(9);
    const word = (length: number) => Array.from({ length }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    const terms = [...new Set(Array.from({ length: 400 }, () => word(2 + Math.floor(random() * 5))))];
    const index = new TypoIndex(terms);
    const typo = (term: string) => {
      const at = Math.floor(random() * term.length);
      const edits = [term.slice(0, at) + term.slice(at + 1), term.slice(0, at) + 'x' + term.slice(at), term.slice(0, at) + 'y' + term.slice(at + 1), term.slice(0, at) + term[at + 1] + term[at] + term.slice(at + 2)];
      return edits[Math.floor(random() * edits.length)]!;
    };
    const queries = [...terms.slice(0, 50).map(typo), ...Array.from({ length: 50 }, () => word(1 + Math.floor(random() * 7)))];
    for (const query of queries) {
      expect(index.near(query).sort(), query).toEqual(terms.filter((term) => withinOneEdit(query, term)).sort());
    }
  });

  it('matches a swap of neighbours, an insertion, a deletion and a substitution', () => {
    const index = new TypoIndex(['opentracing', 'prometheus', 'envoy']);
    expect(index.near('opentracign')).toEqual(['opentracing']);
    expect(index.near('promethues')).toEqual(['prometheus']);
    expect(index.near('envooy')).toEqual(['envoy']);
    expect(index.near('envy')).toEqual(['envoy']);
    expect(index.near('enxoy')).toEqual(['envoy']);
    expect(index.near('kubernetes')).toEqual([]);
  });
});
