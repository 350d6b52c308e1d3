import { describe, expect, it } from 'vitest';
import { decodePosting, encodePostings, fromBase64, postingCount, postingOffsets, toBase64 } from '../../src/shared/search/postings';

describe('packed posting lists', () => {
  const lists = [
    { docs: [0, 1, 2], weights: [0.5, 1.25, 0.001] },
    { docs: [], weights: [] },
    { docs: [7, 300, 70_000, 2_000_000], weights: [176.123, 0, 3.5, 42] },
  ];

  it('round-trips documents and weights (to lunr precision) through base64', () => {
    const bytes = fromBase64(toBase64(encodePostings(lists)));
    const offsets = postingOffsets(bytes, lists.length);
    lists.forEach((list, i) => {
      const decoded = decodePosting(bytes, offsets[i]!);
      expect([...decoded.docs]).toEqual(list.docs);
      expect([...decoded.weights]).toEqual(list.weights);
      expect(postingCount(bytes, offsets[i]!)).toBe(list.docs.length);
    });
  });

  it('grows past its first buffer', () => {
    const docs = Array.from({ length: 50_000 }, (_, i) => i * 3);
    const bytes = encodePostings([{ docs, weights: docs.map(() => 1) }]);
    expect(bytes.length).toBeGreaterThan(1 << 16);
    expect([...decodePosting(bytes, postingOffsets(bytes, 1)[0]!).docs]).toEqual(docs);
  });

  it('refuses a damaged index instead of reading garbage', () => {
    const bytes = encodePostings(lists);
    expect(() => postingOffsets(bytes.subarray(0, bytes.length - 1), lists.length)).toThrow(/damaged/);
  });
});
