/**
 * Web pages saved for offline reading: the index record kept in saved-pages.json (one per page)
 * and the page itself, kept in its own file under `pages/` (articles can be large). New in 0.2.
 */
import { z } from 'zod';
import { HttpUrlSchema } from './rules/urls';

export const SAVED_PAGES_SCHEMA_VERSION = 1;
export const SAVED_PAGE_RECORD_VERSION = 1;

const RecordId = z.string().regex(/^[a-f0-9-]{8,64}$/, 'must be a saved page id');

export const SavedPageSchema = z.strictObject({
  v: z.literal(SAVED_PAGE_RECORD_VERSION),
  id: RecordId,
  /** The address the user asked for, and where the page was finally served from. */
  url: HttpUrlSchema,
  finalUrl: HttpUrlSchema,
  title: z.string().max(500),
  site: z.string().max(200),
  byline: z.string().max(300).nullable(),
  /** The page's language as it declares it (e.g. zh-CN), if it does. */
  language: z.string().max(20).nullable(),
  fetchedAt: z.iso.datetime(),
  /** Bytes downloaded, and characters of the saved article's text. */
  bytes: z.number().int().nonnegative(),
  textLength: z.number().int().nonnegative(),
  charset: z.string().max(40),
});
export type SavedPage = z.infer<typeof SavedPageSchema>;

export const SavedPagesFileSchema = z.strictObject({
  schemaVersion: z.literal(SAVED_PAGES_SCHEMA_VERSION),
  pages: z.array(SavedPageSchema),
});
export type SavedPagesFile = z.infer<typeof SavedPagesFileSchema>;
export const DEFAULT_SAVED_PAGES_FILE: SavedPagesFile = { schemaVersion: SAVED_PAGES_SCHEMA_VERSION, pages: [] };

/** The content file of one page. */
export const SavedPageContentSchema = z.strictObject({
  /** Sanitized article HTML (shared/content/sanitize.ts). */
  html: z.string(),
  text: z.string(),
});
export type SavedPageContent = z.infer<typeof SavedPageContentSchema>;

const TaskId = z.string().regex(/^[\w-]{1,80}$/, 'must be a task id');

export const SavePageInputSchema = z.strictObject({ url: HttpUrlSchema, taskId: TaskId });
export const RefetchPageInputSchema = z.strictObject({ id: RecordId, taskId: TaskId });
export const SavedPageIdSchema = z.strictObject({ id: RecordId });
export const CancelTaskSchema = z.strictObject({ taskId: TaskId });
export const SavedPageListInputSchema = z.strictObject({ text: z.string().max(200).optional() }).optional();

export const SavedPageWithContentSchema = z.strictObject({ page: SavedPageSchema, content: SavedPageContentSchema });
export const RefetchResultSchema = z.strictObject({ page: SavedPageSchema, previous: SavedPageSchema });
