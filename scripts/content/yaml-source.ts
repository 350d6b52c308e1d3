/**
 * YAML parsing that remembers where things are, so schema failures point at a file line.
 * Used for data/*.yaml and for note front matter.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentError } from './errors';

export interface ParsedYaml<T> {
  value: T | null;
  errors: ContentError[];
  /** The file line of the value at a path (or of its nearest parent that exists). */
  lineOf: (path: readonly PropertyKey[]) => number;
}

export function parseYamlWithSchema<T>(
  text: string,
  schema: z.ZodType<T>,
  file: string,
  /** The file line of the text's first line (front matter starts on line 2). */
  firstLine = 1,
): ParsedYaml<T> {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let length = path.length; length >= 0; length--) {
      const node: unknown = document.getIn(path.slice(0, length) as unknown[], true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return firstLine;
  };
  if (document.errors.length > 0) {
    return {
      value: null,
      errors: document.errors.map((error) => ({ file, line: lineAt(error.pos[0]), message: `YAML: ${error.message.split('\n')[0]}` })),
      lineOf,
    };
  }
  const parsed = schema.safeParse(document.toJS());
  if (!parsed.success) {
    return {
      value: null,
      errors: parsed.error.issues.map((issue) => ({
        file,
        line: lineOf(issue.path),
        message: `${issue.path.length > 0 ? issue.path.join('.') : 'file'}: ${issue.message}`,
      })),
      lineOf,
    };
  }
  return { value: parsed.data, errors: [], lineOf };
}
