/**
 * Study records: bookmarks and reading progress. The schemas of what is stored (versioned, so a
 * later format can migrate) and of what the UI may send.
 */
import { z } from 'zod';
import { IdSchema as Id } from './rules/ids';
import {
  CommentSchema as Comment,
  TagCountsSchema,
  TagSchema as Tag,
  TagsSchema as Tags,
} from './rules/tags';
import { HttpUrlSchema as HttpUrl } from './rules/urls';

const IsoTime = z.iso.datetime();

export const BookmarkTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('note'), noteId: Id }),
  z.strictObject({ kind: z.literal('section'), noteId: Id, sectionId: Id }),
  /** A link of the bundled library. */
  z.strictObject({ kind: z.literal('link'), url: HttpUrl }),
  /** Any address the user typed in. */
  z.strictObject({ kind: z.literal('url'), url: HttpUrl }),
]);
export type BookmarkTarget = z.infer<typeof BookmarkTargetSchema>;
export type BookmarkKind = BookmarkTarget['kind'];
export const BOOKMARK_KINDS = ['note', 'section', 'link', 'url'] as const satisfies readonly BookmarkKind[];

const Title = z.string().trim().min(1, 'must not be empty').max(300);

export const BOOKMARK_RECORD_VERSION = 2;
/** Creation order numbers stay far below 2^53, so `nextSeq` can always grow by one. */
const MAX_SEQ = 2 ** 40;
const Revision = z.number().int().min(1).max(2 ** 40);

export const BookmarkSchema = z.strictObject({
  v: z.literal(BOOKMARK_RECORD_VERSION),
  id: z.string().min(1).max(64),
  /** Creation order, for a stable sort when two bookmarks share a timestamp. */
  seq: z.number().int().nonnegative().max(MAX_SEQ),
  /** Grows by one with every change; an edit must name the revision it was based on. */
  revision: Revision,
  target: BookmarkTargetSchema,
  title: Title,
  tags: Tags,
  comment: Comment,
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Bookmark = z.infer<typeof BookmarkSchema>;

export const BOOKMARKS_SCHEMA_VERSION = 2;

export const BookmarksFileSchema = z.strictObject({
  schemaVersion: z.literal(BOOKMARKS_SCHEMA_VERSION),
  nextSeq: z.number().int().nonnegative().max(MAX_SEQ + 1),
  bookmarks: z.array(BookmarkSchema),
});
export type BookmarksFile = z.infer<typeof BookmarksFileSchema>;
export const DEFAULT_BOOKMARKS_FILE: BookmarksFile = { schemaVersion: BOOKMARKS_SCHEMA_VERSION, nextSeq: 0, bookmarks: [] };

/**
 * bookmarks.json 1 → 2 (release 0.2): every bookmark gets `revision: 1`, so that edits from two
 * windows can tell each other apart. Nothing else changes.
 */
export function migrateBookmarksV1toV2(file: Record<string, unknown>): Record<string, unknown> {
  const bookmarks = Array.isArray(file['bookmarks']) ? (file['bookmarks'] as unknown[]) : [];
  return {
    ...file,
    bookmarks: bookmarks.map((bookmark) =>
      typeof bookmark === 'object' && bookmark !== null ? { ...bookmark, v: 2, revision: 1 } : bookmark,
    ),
  };
}

export const BOOKMARK_SORTS = ['newest', 'oldest', 'title'] as const;
export type BookmarkSort = (typeof BOOKMARK_SORTS)[number];

export const BookmarkListInputSchema = z
  .strictObject({
    text: z.string().max(200).optional(),
    tag: Tag.optional(),
    kind: z.enum(BOOKMARK_KINDS).optional(),
    noteId: Id.optional(),
    sort: z.enum(BOOKMARK_SORTS).optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .optional();
export type BookmarkListInput = z.infer<typeof BookmarkListInputSchema>;

export const BookmarkPageSchema = z.strictObject({
  items: z.array(BookmarkSchema),
  /** How many match the filters (all pages). */
  total: z.number().int().nonnegative(),
  tags: TagCountsSchema,
});
export type BookmarkPage = z.infer<typeof BookmarkPageSchema>;

export const BookmarkAddSchema = z.strictObject({
  target: BookmarkTargetSchema,
  title: Title,
  tags: Tags.optional(),
  comment: Comment.optional(),
});
export type BookmarkAdd = z.infer<typeof BookmarkAddSchema>;

export const BookmarkUpdateSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    /** The revision the edit was based on; a newer stored one makes it a conflict. */
    revision: Revision,
    title: Title.optional(),
    tags: Tags.optional(),
    comment: Comment.optional(),
  })
  .refine((patch) => patch.title !== undefined || patch.tags !== undefined || patch.comment !== undefined, {
    message: 'give at least one of title, tags, comment',
  });
export type BookmarkUpdate = z.infer<typeof BookmarkUpdateSchema>;

export const BookmarkIdSchema = z.strictObject({ id: z.string().min(1).max(64) });

export const BookmarkSummarySchema = z.strictObject({
  total: z.number().int().nonnegative(),
  /** Bookmarks per note (notes and sections). */
  perNote: z.record(Id, z.number().int().positive()),
  recent: z.array(BookmarkSchema),
});
export type BookmarkSummary = z.infer<typeof BookmarkSummarySchema>;

/** True when two targets point at the same place (a bookmark is unique per target). */
export function sameTarget(a: BookmarkTarget, b: BookmarkTarget): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'note':
      return a.noteId === (b as typeof a).noteId;
    case 'section':
      return a.noteId === (b as typeof a).noteId && a.sectionId === (b as typeof a).sectionId;
    default:
      return a.url === (b as typeof a).url;
  }
}

/* Reading progress */

export const PROGRESS_RECORD_VERSION = 1;

const Percent = z.number().min(0).max(100);

export const ProgressSchema = z.strictObject({
  v: z.literal(PROGRESS_RECORD_VERSION),
  noteId: Id,
  /** The heading the reader was at (null: above the first heading). */
  sectionId: Id.nullable(),
  /** The start of the paragraph at the top of the window, to come back to it at any width. */
  quote: z.string().max(200),
  /** Where the reader is now, and the furthest they got, as a share of the note. */
  percent: Percent,
  maxPercent: Percent,
  read: z.boolean(),
  updatedAt: IsoTime,
});
export type Progress = z.infer<typeof ProgressSchema>;

export const PROGRESS_SCHEMA_VERSION = 1;

export const ProgressFileSchema = z.strictObject({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  notes: z.record(Id, ProgressSchema),
  lastNoteId: Id.nullable(),
});
export type ProgressFile = z.infer<typeof ProgressFileSchema>;
export const DEFAULT_PROGRESS_FILE: ProgressFile = { schemaVersion: PROGRESS_SCHEMA_VERSION, notes: {}, lastNoteId: null };

export const ProgressSaveSchema = z.strictObject({
  noteId: Id,
  sectionId: Id.nullable(),
  quote: z.string().max(200),
  percent: Percent,
});
export type ProgressSave = z.infer<typeof ProgressSaveSchema>;

export const ProgressMarkSchema = z.strictObject({ noteId: Id, read: z.boolean() });
export const ProgressResetSchema = z.strictObject({ noteId: Id.optional() });

export const ProgressOverviewSchema = z.strictObject({
  notes: z.record(Id, ProgressSchema),
  last: ProgressSchema.nullable(),
});
export type ProgressOverview = z.infer<typeof ProgressOverviewSchema>;

/** How much of a note counts as read: all of it once marked read, else the furthest point. */
export function percentRead(progress: Progress | undefined): number {
  if (!progress) return 0;
  return progress.read ? 100 : Math.round(progress.maxPercent);
}
