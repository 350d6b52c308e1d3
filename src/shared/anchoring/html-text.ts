/** The canonical text (canonical-text.ts) of an HTML string, for the build and for tests in Node. */
import type { ChildNode, Document } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { canonicalText, UI_ATTRIBUTE, type TextTreeNode } from './canonical-text';

type ParsedNode = Document | ChildNode;

function adapt(node: ParsedNode): TextTreeNode<ParsedNode> {
  const isText = node.type === 'text';
  return {
    text: isText ? (node as { data: string }).data : null,
    isUi: 'attribs' in node && Object.hasOwn(node.attribs, UI_ATTRIBUTE),
    children: () => ('children' in node ? node.children.map(adapt) : []),
    source: node,
  };
}

export function canonicalTextOfHtml(html: string): string {
  return canonicalText(adapt(parseDocument(html, { decodeEntities: true })));
}
