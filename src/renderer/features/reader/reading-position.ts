/**
 * Where the reader is in a note, in terms that survive a different window size: the heading above
 * the top of the window, the start of the paragraph at the top, and how far down the note is.
 * The decisions are pure functions over measured boxes; `measure` and `restore` touch the DOM.
 * When the note changed since the place was saved, the quote is found again with the same
 * anchoring as annotations (shared/anchoring): exact, else approximately, nearest its section.
 */
import { anchor } from '../../../shared/anchoring/anchor';
import { domCanonicalText, offsetsFromRange, rangeFromOffsets } from '../annotations/dom-text';

export interface Box {
  top: number;
  bottom: number;
}

export interface Position {
  sectionId: string | null;
  quote: string;
  percent: number;
}

/** How far below the top edge a heading still counts as "the current one". */
export const TOP_SLACK = 80;
export const QUOTE_LENGTH = 80;

/** The last heading at or above the top of the window (plus slack), or null above the first one. */
export function currentHeading(headings: readonly ({ id: string } & Box)[], viewportTop: number): string | null {
  let current: string | null = null;
  for (const heading of headings) {
    if (heading.top <= viewportTop + TOP_SLACK) current = heading.id;
    else break;
  }
  return current;
}

/** The first block whose bottom is below the top of the window. */
export function firstVisible<T extends Box>(blocks: readonly T[], viewportTop: number): T | undefined {
  return blocks.find((block) => block.bottom > viewportTop + 8);
}

export function scrollPercent(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const room = scrollHeight - clientHeight;
  if (room <= 1) return 100;
  return Math.max(0, Math.min(100, Math.round((scrollTop / room) * 1000) / 10));
}

export function quoteOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, QUOTE_LENGTH);
}

/** Normalised so a quote still matches after whitespace changes. */
export function startsWithQuote(text: string, quote: string): boolean {
  return quote.length > 0 && quoteOf(text).startsWith(quote);
}

const BLOCKS = 'h2, h3, p, li, pre, table, blockquote';

export function measure(article: HTMLElement, scroller: HTMLElement): Position {
  const viewportTop = scroller.getBoundingClientRect().top;
  const headings = [...article.querySelectorAll<HTMLElement>('h2[id], h3[id]')].map((el) => ({ id: el.id, ...box(el) }));
  const blocks = [...article.querySelectorAll<HTMLElement>(BLOCKS)].map((el) => ({ el, ...box(el) }));
  const top = firstVisible(blocks, viewportTop);
  return {
    sectionId: currentHeading(headings, viewportTop),
    quote: top ? quoteOf(top.el.textContent ?? '') : '',
    percent: scrollPercent(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight),
  };
}

/** Scrolls to the saved paragraph inside its section, else to the section, else to the top. */
export function restore(article: HTMLElement, scroller: HTMLElement, position: Pick<Position, 'sectionId' | 'quote'>): 'quote' | 'section' | 'top' {
  const heading = position.sectionId ? article.querySelector<HTMLElement>(`[id="${CSS.escape(position.sectionId)}"]`) : null;
  const blocks = [...article.querySelectorAll<HTMLElement>(BLOCKS)];
  const from = heading ? blocks.indexOf(heading) : 0;
  const match = blocks.slice(Math.max(0, from)).find((el) => startsWithQuote(el.textContent ?? '', position.quote)) ?? reanchoredBlock(article, heading, position.quote);
  if (match) {
    match.scrollIntoView({ block: 'start' });
    return 'quote';
  }
  if (heading) {
    heading.scrollIntoView({ block: 'start' });
    return 'section';
  }
  scroller.scrollTo({ top: 0 });
  return 'top';
}

/** The block holding the saved quote after the note's text changed, found by anchoring it. */
function reanchoredBlock(article: HTMLElement, heading: HTMLElement | null, quote: string): HTMLElement | null {
  if (quote.length < 8) return null;
  const text = domCanonicalText(article);
  let near = 0;
  if (heading) {
    const range = document.createRange();
    range.selectNodeContents(heading);
    near = offsetsFromRange(article, range)?.start ?? 0;
  }
  const found = anchor(text, {
    quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: near, end: near + quote.length },
  });
  const range = found ? rangeFromOffsets(article, found.start, found.end) : null;
  const start = range?.startContainer;
  const element = start?.nodeType === Node.TEXT_NODE ? start.parentElement : (start as HTMLElement | undefined);
  return (element?.closest(BLOCKS) as HTMLElement | null) ?? null;
}

function box(el: HTMLElement): Box {
  const rect = el.getBoundingClientRect();
  return { top: rect.top, bottom: rect.bottom };
}
