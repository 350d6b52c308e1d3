/**
 * Draws annotations with the CSS Custom Highlight API: one named highlight per colour (styled by
 * `::highlight(atlas-<colour>)` in global.css) and one for the short flash when the reader jumps to
 * an annotation. The note's HTML is never changed.
 */
import { ANNOTATION_COLORS, type AnnotationColor } from '../../../shared/annotations';

const FLASH = 'atlas-flash';
const FLASH_MS = 1400;

export function highlightName(color: AnnotationColor): string {
  return `atlas-${color}`;
}

/** Whether this browser can draw highlights without touching the DOM. */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Replaces every colour's ranges. */
export function drawHighlights(byColor: ReadonlyMap<AnnotationColor, Range[]>): void {
  if (!highlightsSupported()) return;
  for (const color of ANNOTATION_COLORS) {
    const ranges = byColor.get(color) ?? [];
    if (ranges.length > 0) CSS.highlights.set(highlightName(color), new Highlight(...ranges));
    else CSS.highlights.delete(highlightName(color));
  }
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const color of ANNOTATION_COLORS) CSS.highlights.delete(highlightName(color));
  CSS.highlights.delete(FLASH);
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Briefly outlines a range (after "go to this annotation"). */
export function flash(range: Range): void {
  if (!highlightsSupported()) return;
  clearTimeout(flashTimer);
  CSS.highlights.set(FLASH, new Highlight(range));
  flashTimer = setTimeout(() => CSS.highlights.delete(FLASH), FLASH_MS);
}
