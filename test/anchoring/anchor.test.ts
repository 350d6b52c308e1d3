/**
 * Highlights over two versions of a note: where each lands after the text changes, or that it is
 * orphaned (never silently moved somewhere wrong).
 */
import { describe, expect, it } from 'vitest';
import { anchor } from '../../src/shared/anchoring/anchor';
import { canonicalTextOfHtml } from '../../src/shared/anchoring/html-text';
import { describeRange } from '../../src/shared/anchoring/selectors';

const V1 = [
  'Envoy is a high-performance proxy written in C++. ',
  'It was built at Lyft to move networking out of applications. ',
  'Listeners accept connections; filter chains process them. ',
  'Clusters group the upstream hosts that requests are routed to. ',
  'The xDS APIs let a control plane change all of this at run time. ',
  'Envoy is a data plane, not a mesh. ',
  '服务网格用边车代理接管服务之间的通信。',
].join('');

function highlight(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no "${quote}" in the text`);
  return describeRange(text, at, at + quote.length);
}

const landed = (text: string, result: ReturnType<typeof anchor>) => (result ? text.slice(result.start, result.end) : null);

describe('re-attaching a highlight', () => {
  it('uses the exact position when nothing changed', () => {
    const selectors = highlight(V1, 'filter chains process them');
    expect(anchor(V1, selectors)).toEqual({ start: selectors.position.start, end: selectors.position.end, method: 'position' });
  });

  it('follows the quote when words are inserted before it', () => {
    const selectors = highlight(V1, 'Clusters group the upstream hosts');
    const v2 = V1.replace('Envoy is a high-performance proxy', 'Envoy, first released in 2016, is a high-performance, open-source proxy');
    const result = anchor(v2, selectors);
    expect(result?.method).toBe('quote');
    expect(landed(v2, result)).toBe('Clusters group the upstream hosts');
  });

  it('follows a paragraph that moved', () => {
    const selectors = highlight(V1, 'The xDS APIs let a control plane change all of this at run time.');
    const moved = 'The xDS APIs let a control plane change all of this at run time. ';
    const v2 = moved + V1.replace(moved, '');
    expect(landed(v2, anchor(v2, selectors))).toBe(moved.trim());
  });

  it('finds a rewritten sentence approximately, and keeps the rewritten words', () => {
    const selectors = highlight(V1, 'It was built at Lyft to move networking out of applications.');
    const v2 = V1.replace('It was built at Lyft to move networking out of applications.', 'It was built at Lyft to move the networking out of applications.');
    const result = anchor(v2, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(landed(v2, result)).toBe('It was built at Lyft to move the networking out of applications.');
  });

  it('picks the occurrence whose surroundings match when the quote repeats elsewhere', () => {
    const text = `${V1}Later: Envoy is a data plane, not a mesh. Again.`;
    const second = highlight(text, 'Envoy is a data plane, not a mesh.', 1);
    // The text before the first occurrence changes, so the position no longer matches.
    const v2 = text.replace('Envoy is a high-performance proxy written in C++. ', 'Envoy is a proxy. ');
    const result = anchor(v2, second);
    expect(result?.method).toBe('quote');
    expect(result!.start).toBe(v2.lastIndexOf('Envoy is a data plane, not a mesh.'));
  });

  it('orphans a highlight whose section was deleted, instead of moving it somewhere wrong', () => {
    const selectors = highlight(V1, 'Listeners accept connections; filter chains process them.');
    const v2 = V1.replace('Listeners accept connections; filter chains process them. ', '');
    expect(anchor(v2, selectors)).toBeNull();
  });

  it('anchors Chinese text the same way', () => {
    const selectors = highlight(V1, '边车代理接管服务之间的通信');
    const v2 = V1.replace('服务网格用边车代理接管服务之间的通信。', '在 Kubernetes 上，服务网格用边车代理接管服务之间的通信。');
    expect(landed(v2, anchor(v2, selectors))).toBe('边车代理接管服务之间的通信');
  });
});

describe('the canonical text of a note', () => {
  it('is every text node in order, entities decoded, app controls left out', () => {
    const html = '<h2 id="a">Title<span data-atlas-ui=""><button aria-label="Bookmark">★</button></span></h2>\n<p>A &amp; B <code>x &lt; y</code></p>';
    expect(canonicalTextOfHtml(html)).toBe('Title\nA & B x < y');
  });
});
