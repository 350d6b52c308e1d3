import { describe, expect, it } from 'vitest';
import type { ContentBundle } from '../../src/shared/content';
import type { Bookmark } from '../../src/shared/study';
import { bookmarkHref, bookmarkPlace, parseTags } from '../../src/renderer/features/bookmarks/bookmark-place';
import { relatedOf } from '../../src/renderer/features/reader/related';
import { currentHeading, firstVisible, quoteOf, scrollPercent, startsWithQuote } from '../../src/renderer/features/reader/reading-position';

const text = (title: string, sections: string[]) => ({
  title,
  summary: '',
  tags: [],
  aliases: [],
  html: '',
  plain: '',
  sections: sections.map((id) => ({ id, level: 2 as const, title: `${title} ${id}`, parentId: null, text: '' })),
});

const bundle: ContentBundle = {
  version: 1,
  notes: [
    { id: 'istio', category: 'service-mesh', cncfStatus: 'graduated', related: ['envoy', 'kubernetes'], text: { zh: text('Istio', ['overview', 'status']), en: text('Istio', ['overview', 'status']) } },
    { id: 'envoy', category: 'service-mesh', cncfStatus: 'graduated', related: [], text: { zh: text('Envoy', ['overview']), en: text('Envoy', ['overview']) } },
    { id: 'kubernetes', category: 'orchestration', cncfStatus: 'graduated', related: [], text: { zh: text('Kubernetes', ['overview']), en: text('Kubernetes', ['overview']) } },
  ],
  links: [],
  relations: {
    externals: [{ id: 'finagle', name: { zh: 'Finagle', en: 'Finagle' }, url: 'https://twitter.github.io/finagle/' }],
    edges: [
      { from: 'istio', to: 'envoy', type: 'built-on', description: { zh: '…', en: '…' } },
      { from: 'envoy', to: 'finagle', type: 'alternative-to', description: { zh: '…', en: '…' } },
    ],
  },
  glossary: [],
  paths: [],
};

const bookmark = (target: Bookmark['target']): Bookmark => ({
  v: 2,
  id: 'b1',
  seq: 0,
  revision: 1,
  target,
  title: 't',
  tags: [],
  comment: '',
  createdAt: '2026-11-24T08:00:00.000Z',
  updatedAt: '2026-11-24T08:00:00.000Z',
});

describe('reading position', () => {
  const headings = [
    { id: 'overview', top: -900, bottom: -870 },
    { id: 'concepts', top: -200, bottom: -170 },
    { id: 'architecture', top: 400, bottom: 430 },
  ];

  it('takes the last heading above the top of the window, with a little slack', () => {
    expect(currentHeading(headings, 0)).toBe('concepts');
    expect(currentHeading(headings, 330)).toBe('architecture');
    expect(currentHeading(headings, -1000)).toBeNull();
  });

  it('finds the first block still visible at the top', () => {
    expect(firstVisible([{ top: -300, bottom: -20 }, { top: -10, bottom: 40 }, { top: 50, bottom: 90 }], 0)).toEqual({ top: -10, bottom: 40 });
  });

  it('measures percent of the scrollable height, 100 when nothing scrolls', () => {
    expect(scrollPercent(0, 3000, 1000)).toBe(0);
    expect(scrollPercent(1000, 3000, 1000)).toBe(50);
    expect(scrollPercent(5000, 3000, 1000)).toBe(100);
    expect(scrollPercent(0, 800, 1000)).toBe(100);
  });

  it('keeps a short quote that still matches after whitespace changes', () => {
    const quote = quoteOf('  Envoy   is an L7 proxy\n and communication bus designed for large modern service-oriented architectures. More text here.');
    expect(quote).toHaveLength(80);
    expect(startsWithQuote('Envoy is an L7 proxy and communication bus designed for large modern service-oriented architectures. More', quote)).toBe(true);
    expect(startsWithQuote('Something else', quote)).toBe(false);
    expect(startsWithQuote('anything', '')).toBe(false);
  });
});

describe('where a bookmark leads', () => {
  it('opens a section at its heading while the heading exists', () => {
    const b = bookmark({ kind: 'section', noteId: 'istio', sectionId: 'status' });
    const place = bookmarkPlace(b, bundle);
    expect(place).toMatchObject({ kind: 'section', moved: false, section: { en: 'Istio status' } });
    expect(bookmarkHref(b, place)).toBe('#/note/istio/status');
  });

  it('keeps a bookmark whose section disappeared, marks it moved, and opens the note', () => {
    const b = bookmark({ kind: 'section', noteId: 'istio', sectionId: 'mixer' });
    const place = bookmarkPlace(b, bundle);
    expect(place).toMatchObject({ kind: 'section', moved: true, section: null, note: { en: 'Istio' } });
    expect(bookmarkHref(b, place)).toBe('#/note/istio');
    expect(bookmarkPlace(b, null).moved).toBe(false);
  });

  it('opens links and pages by their address', () => {
    const b = bookmark({ kind: 'url', url: 'https://example.com/' });
    expect(bookmarkHref(b, bookmarkPlace(b, bundle))).toBe('https://example.com/');
  });

  it('splits tags on ASCII and Chinese commas, without blanks or repeats', () => {
    expect(parseTags(' mesh, 网格，xds、 mesh ,, ')).toEqual(['mesh', '网格', 'xds']);
  });
});

describe('related projects', () => {
  it('lists edges from both ends, external nodes, then front-matter relations not yet covered', () => {
    expect(relatedOf(bundle, 'istio').map((r) => [r.type, r.outgoing, r.noteId])).toEqual([
      ['built-on', true, 'envoy'],
      ['related', true, 'kubernetes'],
    ]);
    expect(relatedOf(bundle, 'envoy').map((r) => [r.type, r.outgoing, r.noteId ?? r.url])).toEqual([
      ['built-on', false, 'istio'],
      ['alternative-to', true, 'https://twitter.github.io/finagle/'],
    ]);
  });
});
