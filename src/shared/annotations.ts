/**
 * Annotations: highlights with an optional comment and tags, on a note in one language or on a
 * page saved for offline reading, anchored by W3C selectors (anchoring/selectors.ts). The stored
 * record, the file, and what the UI may send. A new store in release 0.2 (annotations.json,
 * schemaVersion 1).
 */
import { z } from 'zod';
import { TextSelectorsSchema } from './anchoring/selectors';
import { IdSchema } from './rules/ids';
import {
  CommentSchema as Comment,
  TagCountsSchema,
  TagSchema as Tag,
  TagsSchema as Tags,
} from './rules/tags';
import { LanguageSchema } from './settings';

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

const RecordId = z.string().min(1).max(64);
const Revision = z.number().int().min(1).max(2 ** 40);
const PageId = z.string().regex(/^[a-f0-9-]{8,64}$/, 'must be a saved page id');

/** Exactly one of noteId (a note of the knowledge base) and pageId (a saved page) names what is annotated. */
const ONE_SOURCE = { message: 'name exactly one of noteId and pageId', path: ['noteId'] };
const oneSource = (value: { noteId?: string | null; pageId?: string | null }): boolean => (value.noteId ? 1 : 0) + (value.pageId ? 1 : 0) === 1;

export const ANNOTATION_RECORD_VERSION = 1;
export const ANNOTATIONS_SCHEMA_VERSION = 1;

export const AnnotationSchema = z.strictObject({
  v: z.literal(ANNOTATION_RECORD_VERSION),
  id: RecordId,
  revision: Revision,
  noteId: IdSchema.nullable(),
  /** A saved page (saved-pages.ts) instead of a note. */
  pageId: PageId.nullable().default(null),
  /** The note's language; for a saved page, the language it was read in. */
  language: LanguageSchema,
  /** The section the highlight started in when it was made (for grouping; re-derived on anchoring). */
  sectionId: IdSchema.nullable(),
  selectors: TextSelectorsSchema,
  color: z.enum(ANNOTATION_COLORS),
  comment: Comment,
  tags: Tags,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).refine(oneSource, ONE_SOURCE);
export type Annotation = z.infer<typeof AnnotationSchema>;

export const AnnotationsFileSchema = z.strictObject({
  schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
  annotations: z.array(AnnotationSchema),
});
export type AnnotationsFile = z.infer<typeof AnnotationsFileSchema>;
export const DEFAULT_ANNOTATIONS_FILE: AnnotationsFile = { schemaVersion: ANNOTATIONS_SCHEMA_VERSION, annotations: [] };

export const AnnotationAddSchema = z.strictObject({
  noteId: IdSchema.optional(),
  pageId: PageId.optional(),
  language: LanguageSchema,
  sectionId: IdSchema.nullable(),
  selectors: TextSelectorsSchema,
  color: z.enum(ANNOTATION_COLORS),
  comment: Comment.optional(),
  tags: Tags.optional(),
}).refine(oneSource, ONE_SOURCE);
export type AnnotationAdd = z.infer<typeof AnnotationAddSchema>;

export const AnnotationUpdateSchema = z
  .strictObject({
    id: RecordId,
    revision: Revision,
    color: z.enum(ANNOTATION_COLORS).optional(),
    comment: Comment.optional(),
    tags: Tags.optional(),
  })
  .refine((patch) => patch.color !== undefined || patch.comment !== undefined || patch.tags !== undefined, {
    message: 'give at least one of color, comment, tags',
  });
export type AnnotationUpdate = z.infer<typeof AnnotationUpdateSchema>;

export const AnnotationIdSchema = z.strictObject({ id: RecordId });

export const AnnotationListInputSchema = z
  .strictObject({
    noteId: IdSchema.optional(),
    pageId: PageId.optional(),
    language: LanguageSchema.optional(),
    tag: Tag.optional(),
    color: z.enum(ANNOTATION_COLORS).optional(),
    text: z.string().max(200).optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .optional();
export type AnnotationListInput = z.infer<typeof AnnotationListInputSchema>;

export const AnnotationPageSchema = z.strictObject({
  items: z.array(AnnotationSchema),
  total: z.number().int().nonnegative(),
  tags: TagCountsSchema,
});
export type AnnotationPage = z.infer<typeof AnnotationPageSchema>;
