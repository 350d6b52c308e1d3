/**
 * Notices: problems found with the user's data folder that the user must hear about (a file moved
 * aside, a file from a newer version, a folder where a file should be). They are stored, so they
 * stay visible across restarts until the user dismisses them. The UI words each one from its kind
 * and reason in the user's language; `detail` is the technical cause, for logs and bug reports.
 */
import { z } from 'zod';

export const STORE_NOTICE_KINDS = ['moved-aside', 'newer-version', 'unusable'] as const;
export const STORE_NOTICE_REASONS = ['empty', 'not-json', 'invalid', 'migration-failed', 'newer', 'not-a-file', 'unreadable'] as const;
export type StoreNoticeReason = (typeof STORE_NOTICE_REASONS)[number];

export const StoreNoticeSchema = z.strictObject({
  id: z.string().min(1).max(200),
  /** The store's name, e.g. `bookmarks`. */
  store: z.string().min(1).max(60),
  /** The full path of the file concerned. */
  file: z.string().max(4096),
  kind: z.enum(STORE_NOTICE_KINDS),
  reason: z.enum(STORE_NOTICE_REASONS),
  /** Where the damaged file's content went (moved-aside only). */
  movedTo: z.string().max(4096).nullable(),
  /** The schemaVersion found in a file from a newer version. */
  foundVersion: z.number().int().nullable(),
  detail: z.string().max(2000),
  at: z.iso.datetime(),
});
export type StoreNotice = z.infer<typeof StoreNoticeSchema>;

export const NOTICES_SCHEMA_VERSION = 1;
export const NoticesFileSchema = z.strictObject({
  schemaVersion: z.literal(NOTICES_SCHEMA_VERSION),
  notices: z.array(StoreNoticeSchema).max(500),
});
export type NoticesFile = z.infer<typeof NoticesFileSchema>;
export const DEFAULT_NOTICES_FILE: NoticesFile = { schemaVersion: NOTICES_SCHEMA_VERSION, notices: [] };

export const NoticeIdSchema = z.strictObject({ id: z.string().min(1).max(200) });
