import { describe, expect, it } from 'vitest';
import { hasTraditional, simplifyChinese } from '../../src/shared/search/chinese-variants';

describe('Traditional Chinese detection and folding', () => {
  it('finds a Traditional character anywhere in the text, and only then', () => {
    expect(hasTraditional('服務網格')).toBe(true);
    expect(hasTraditional('Kubernetes 的調度器')).toBe(true);
    expect(hasTraditional('服务网格')).toBe(false);
    expect(hasTraditional('Envoy proxy')).toBe(false);
    expect(hasTraditional('')).toBe(false);
  });

  it('sees characters outside the Basic Multilingual Plane (surrogate pairs)', () => {
    // 𠁞 is Traditional for 𠀾 in OpenCC's TSCharacters; both are astral characters.
    expect(hasTraditional('abc 𠁞')).toBe(true);
    expect(hasTraditional('abc 𠀾')).toBe(false);
    expect(hasTraditional('😀 emoji')).toBe(false);
  });

  it('folds Traditional text to Simplified and leaves Simplified text as it is', () => {
    expect(simplifyChinese('服務發現')).toBe('服务发现');
    const simplified = '服务发现';
    expect(simplifyChinese(simplified)).toBe(simplified);
  });
});
