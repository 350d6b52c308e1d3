import { describe, expect, it } from 'vitest';
import { stemTerm } from '../../src/shared/search/pipeline';
import { hanTokens, tokenize, tokenizeRuns } from '../../src/shared/search/tokenizer';

describe('bilingual tokenizer', () => {
  it('lower-cases English words and splits on punctuation', () => {
    expect(tokenize('gRPC-Web over HTTP/2, Envoy’s xDS')).toEqual(['grpc', 'web', 'over', 'http', '2', 'envoy', 's', 'xds']);
  });

  it('turns Chinese runs into overlapping bigrams, so any two-character part matches', () => {
    expect(hanTokens('服务网格')).toEqual(expect.arrayContaining(['服务', '务网', '网格']));
    expect(tokenize('服务网格')).toContain('网格');
  });

  it('keeps a lone Chinese character', () => {
    expect(tokenize('Docker 库')).toEqual(['docker', '库']);
  });

  it('handles mixed text without spaces between scripts', () => {
    expect(tokenizeRuns('Istio中文文档').map((run) => [run.text, run.han])).toEqual([
      ['istio', false],
      ['中文文档', true],
    ]);
  });

  it('normalizes full-width letters', () => {
    expect(tokenize('ＫＵＢＥＲＮＥＴＥＳ')).toEqual(['kubernetes']);
  });

  it('stems English but never Chinese, and drops English stop words', () => {
    expect(stemTerm('proxies')).toBe(stemTerm('proxy'));
    expect(stemTerm('containers')).toBe('contain');
    expect(stemTerm('网格')).toBe('网格');
    expect(stemTerm('the')).toBeNull();
  });
});
