/**
 * The documents the live user index holds, as the services describe them (schemas only, so the
 * API contract and the preload can name them without loading the search code).
 */
import { z } from 'zod';

export const USER_DOCUMENT_KINDS = ['bookmark', 'annotation', 'saved-page', 'user-note'] as const;
export type UserDocumentKind = (typeof USER_DOCUMENT_KINDS)[number];

/** What a service hands the search worker for one record of the user's. */
export const UserSearchDocumentSchema = z.strictObject({
  /** `<kind>:<record id>`, unique across kinds. */
  ref: z.string().min(1).max(200),
  kind: z.enum(USER_DOCUMENT_KINDS),
  /** Where opening it leads: a note (and section), or a web page. */
  noteId: z.string().nullable(),
  sectionId: z.string().nullable(),
  /** A saved page the record belongs to (a saved page itself, or an annotation on one). */
  pageId: z.string().nullable().default(null),
  url: z.string().nullable(),
  title: z.string(),
  tags: z.array(z.string()),
  /** Free text: a comment, an annotation's quote and comment, a saved page's text. */
  body: z.string(),
});
export type UserSearchDocument = z.infer<typeof UserSearchDocumentSchema>;

export const UserDocumentChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('upsert'), document: UserSearchDocumentSchema }),
  z.strictObject({ op: z.literal('remove'), ref: z.string() }),
]);
export type UserDocumentChange = z.infer<typeof UserDocumentChangeSchema>;

