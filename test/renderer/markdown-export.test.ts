import { describe, expect, it } from 'vitest';
import { describeRange } from '../../src/shared/anchoring/selectors';
import type { Annotation } from '../../src/shared/annotations';
import type { ContentBundle } from '../../src/shared/content';
import { annotationsToMarkdown, escapeMarkdown } from '../../src/renderer/features/annotations/markdown-export';

const section = (id: string, title: string) => ({ id, level: 2 as const, title, parentId: null, text: '' });
const text = (title: string) => ({ title, summary: '', tags: [], aliases: [], html: '', plain: '', sections: [section('overview', `${title} overview`), section('xds', 'xDS')] });
const bundle = {
  version: 1,
  notes: [
    { id: 'istio', category: 'service-mesh', cncfStatus: 'graduated', related: [], text: { zh: text('Istio'), en: text('Istio') } },
    { id: 'envoy', category: 'service-mesh', cncfStatus: 'graduated', related: [], text: { zh: text('Envoy'), en: text('Envoy') } },
  ],
  links: [], relations: { externals: [], edges: [] }, glossary: [], paths: [],
} as unknown as ContentBundle;

const TEXT = 'The xDS APIs let a control plane change listeners at run time.';
const annotation = (id: string, noteId: string, sectionId: string, start: number, extra: Partial<Annotation> = {}): Annotation => ({
  v: 1, id, revision: 1, noteId, pageId: null, language: 'en', sectionId, selectors: describeRange(TEXT, start, start + 8), color: 'yellow',
  comment: '', tags: [], createdAt: '2026-11-26T00:00:00.000Z', updatedAt: '2026-11-26T00:00:00.000Z', ...extra,
});

describe('annotations as Markdown', () => {
  it('groups by project in library order, then section, in text order, with a link back', () => {
    const markdown = annotationsToMarkdown(
      [
        annotation('b', 'envoy', 'xds', 20, { comment: 'second', tags: ['ads', 'review'] }),
        annotation('a', 'envoy', 'xds', 4, { comment: 'first' }),
        annotation('c', 'istio', 'overview', 0),
      ],
      { bundle, language: 'en', appUrl: 'atlas://app/index.html', exportedAt: new Date('2026-11-26T10:00:00Z'), labels: { title: 'Annotations', exported: 'Exported', tags: 'Tags:', open: 'Open in the app', unknownSection: 'Other', savedPages: 'Saved pages' } },
    );
    expect(markdown).toBe(
      [
        '# Annotations', '', 'Exported 2026-11-26', '',
        '## Istio', '', '### Istio overview', '', '> The xDS ', '', '[Open in the app](atlas://app/index.html#/note/istio/overview?annotation=c)', '',
        '## Envoy', '', '### xDS', '',
        '> xDS APIs', '', 'first', '', '[Open in the app](atlas://app/index.html#/note/envoy/xds?annotation=a)', '',
        '> ontrol p', '', 'second', '', 'Tags: `ads` `review`', '', '[Open in the app](atlas://app/index.html#/note/envoy/xds?annotation=b)',
        '',
      ].join('\n'),
    );
  });

  it('writes user text as text: markup and Markdown syntax are escaped', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('# not a heading\n- not a list [link](javascript:alert(1))')).toBe('\\# not a heading\n\\- not a list \\[link\\](javascript:alert(1))');
  });
});
