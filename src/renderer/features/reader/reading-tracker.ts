/**
 * The reading tracker: while a note is open, measures the reading position as the reader scrolls
 * (once per frame), reports it at once (the contents highlight the current heading) and, once
 * scrolling settles, for saving; it also saves at once when the window loses focus, the page goes
 * away or the tracker stops (another note opens). Returns the function that stops it.
 */
import { measure, type Position } from './reading-position';

export interface ReadingTrackerOptions {
  onMove: (position: Position) => void;
  onSettle: (position: Position) => void;
  settleMs: number;
}

export function followReading(main: HTMLElement, article: HTMLElement, options: ReadingTrackerOptions): () => void {
  let pending: Position | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  const flush = (): void => {
    clearTimeout(timer);
    if (!pending) return;
    const position = pending;
    pending = null;
    options.onSettle(position);
  };
  const onScroll = (): void => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      pending = measure(article, main);
      options.onMove(pending);
      clearTimeout(timer);
      timer = setTimeout(flush, options.settleMs);
    });
  };
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') flush();
  };
  main.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('blur', flush);
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    cancelAnimationFrame(frame);
    flush();
    main.removeEventListener('scroll', onScroll);
    window.removeEventListener('blur', flush);
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
