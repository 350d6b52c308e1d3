/**
 * The one rule for the ids of notes, sections, glossary terms and relation nodes: lower-case
 * kebab-case ASCII. Note files, heading anchors, routes and stored records all use it.
 */
import { z } from 'zod';

/** The id alone (anchored). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The id inside a larger pattern (not anchored), e.g. `<id>.zh.md` or `{#<id>}`. */
export const ID_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const MAX_ID_LENGTH = 80;

export function isId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

export const IdSchema = z.string().max(MAX_ID_LENGTH).regex(ID_PATTERN, 'must be an id: lower-case a-z, 0-9 and single hyphens');
