/**
 * The note's canonical text (shared/anchoring/canonical-text.ts) as the reader sees it in the DOM,
 * and the two ways between a DOM Range and offsets into that text. The walk is the shared one, so
 * offsets mean the same here as in the content bundle's `plain` text.
 */
import { canonicalText, UI_ATTRIBUTE, walkText, type TextTreeNode } from '../../../shared/anchoring/canonical-text';

function adapt(node: Node): TextTreeNode<Node> {
  return {
    text: node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '') : null,
    isUi: node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(UI_ATTRIBUTE),
    children: () => Array.from(node.childNodes, adapt),
    source: node,
  };
}

export function domCanonicalText(root: Node): string {
  return canonicalText(adapt(root));
}

interface TextSpan {
  node: Text;
  start: number;
  end: number;
}

function textSpans(root: Node): TextSpan[] {
  const spans: TextSpan[] = [];
  walkText(adapt(root), (text, offset, node) => spans.push({ node: node.source as Text, start: offset, end: offset + text.length }));
  return spans;
}

/** The span holding `offset` (`end`: the span it ends in), by binary search over spans in order. */
function spanAt(spans: readonly TextSpan[], offset: number, end: boolean): TextSpan | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const span = spans[mid]!;
    if (end ? offset <= span.start : offset < span.start) high = mid - 1;
    else if (end ? offset > span.end : offset >= span.end) low = mid + 1;
    else return span;
  }
  return undefined;
}

/**
 * Maps many [start, end) pairs to DOM ranges with one walk of the text: what drawing all of a
 * note's highlights needs. Null for a pair outside the text.
 */
export function rangesFromOffsets(root: Node, pairs: readonly { start: number; end: number }[]): (Range | null)[] {
  const spans = textSpans(root).filter((span) => span.end > span.start);
  return pairs.map(({ start, end }) => {
    const first = spanAt(spans, start, false);
    const last = spanAt(spans, end, true);
    if (!first || !last) return null;
    const range = document.createRange();
    range.setStart(first.node, start - first.start);
    range.setEnd(last.node, end - last.start);
    return range;
  });
}

/** The range covering [start, end) of the canonical text, or null when it is out of bounds. */
export function rangeFromOffsets(root: Node, start: number, end: number): Range | null {
  return rangesFromOffsets(root, [{ start, end }])[0] ?? null;
}

/** The offset in the canonical text of a DOM boundary point (container, offset). */
function offsetOf(spans: readonly TextSpan[], root: Node, container: Node, offset: number): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const span = spans.find((s) => s.node === container);
    return span ? span.start + offset : null;
  }
  // An element boundary: the text before its offset-th child.
  const probe = document.createRange();
  probe.setStart(root, 0);
  probe.setEnd(container, offset);
  let total = 0;
  for (const span of spans) {
    if (probe.comparePoint(span.node, span.node.length) <= 0) total = span.end;
    else if (probe.comparePoint(span.node, 0) <= 0) total = span.start;
  }
  return total;
}

/** The canonical-text offsets a selection range covers inside `root`, or null when it is outside. */
export function offsetsFromRange(root: Node, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const spans = textSpans(root);
  const start = offsetOf(spans, root, range.startContainer, range.startOffset);
  const end = offsetOf(spans, root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The canonical-text offset under a point of the window (for clicks on a highlight). */
export function offsetAtPoint(root: Node, x: number, y: number): number | null {
  const caret = (document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(x, y);
  const node = caret?.offsetNode ?? document.caretRangeFromPoint?.(x, y)?.startContainer;
  const offset = caret?.offset ?? document.caretRangeFromPoint?.(x, y)?.startOffset;
  if (!node || offset === undefined || !root.contains(node)) return null;
  return offsetOf(textSpans(root), root, node, offset);
}
