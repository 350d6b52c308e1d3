/**
 * A note's canonical text: the text of its rendered HTML, every text node in document order,
 * nothing added or dropped — what a reader sees, as one string, so a highlight is a pair of
 * offsets into it. Computed at build time from the HTML (for the content bundle, search and tests)
 * and in the renderer from the DOM (to turn a selection into offsets and back); both walk their
 * tree through the one rule here, over a minimal node interface each side adapts to.
 *
 * Subtrees marked `data-atlas-ui` (controls the reader adds to headings) are not note text.
 */

/** A node as the walk sees it; `source` is the adapted node (a DOM Node, an htmlparser2 node). */
export interface TextTreeNode<S> {
  /** Text content of a text node, else null. */
  text: string | null;
  /** Whether this element is app UI rather than note text. */
  isUi: boolean;
  children: () => Iterable<TextTreeNode<S>>;
  source: S;
}

export const UI_ATTRIBUTE = 'data-atlas-ui';

/** Calls `visit` with every text node in document order and the offset its text starts at. */
export function walkText<S>(root: TextTreeNode<S>, visit: (text: string, offset: number, node: TextTreeNode<S>) => void): number {
  let offset = 0;
  const walk = (node: TextTreeNode<S>): void => {
    if (node.text !== null) {
      visit(node.text, offset, node);
      offset += node.text.length;
      return;
    }
    if (node.isUi) return;
    for (const child of node.children()) walk(child);
  };
  walk(root);
  return offset;
}

export function canonicalText<S>(root: TextTreeNode<S>): string {
  const pieces: string[] = [];
  walkText(root, (text) => pieces.push(text));
  return pieces.join('');
}
