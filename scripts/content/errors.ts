/** The error a failed content build throws, listing every problem as `file:line: reason`. */
import { formatContentError, type ContentError } from '../../src/shared/content/errors';

export { formatContentError, type ContentError };

export class ContentBuildError extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    super(`The knowledge base has ${errors.length} problem(s):\n${errors.map(formatContentError).join('\n')}`);
  }
}
