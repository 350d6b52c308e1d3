/**
 * Export and import of all the user's data: one JSON file with a format name and version, holding
 * settings, bookmarks, reading progress and annotations exactly as stored. Import checks the whole
 * file before anything changes, then merges: records that are new are added, the same record is
 * skipped, and a record changed later in the file than here replaces ours.
 */
import { z } from 'zod';
import { AnnotationSchema } from './annotations';
import { SettingsSchema } from './settings';
import { BookmarkSchema, ProgressSchema } from './study';

export const EXPORT_FORMAT = 'cloud-native-atlas/user-data';
export const EXPORT_VERSION = 1;
/** Imports up to this size are accepted (10,000 annotations with long comments fit easily). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const UserDataExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  appVersion: z.string().max(40),
  settings: SettingsSchema,
  bookmarks: z.array(BookmarkSchema),
  progress: z.array(ProgressSchema),
  annotations: z.array(AnnotationSchema),
});
export type UserDataExport = z.infer<typeof UserDataExportSchema>;

export const ImportInputSchema = z.strictObject({ content: z.string().max(MAX_IMPORT_BYTES) });

const Counts = z.strictObject({
  add: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  newer: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof Counts>;

/** What an import will do (preview) or did (import), per kind of record. */
export const ImportPlanSchema = z.strictObject({
  bookmarks: Counts,
  progress: Counts,
  annotations: Counts,
  /** Whether the file's settings are newer than ours and replace them. */
  settings: z.boolean(),
});
export type ImportPlan = z.infer<typeof ImportPlanSchema>;
