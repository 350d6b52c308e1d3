/**
 * The store files of a data folder, each with its current schema version and the migration steps
 * that bring older files up to it. Rule: no stored schema changes without a step here, a test of
 * the step, and a fixture folder of the previous release's files (test/fixtures/store/).
 */
import { ANNOTATIONS_SCHEMA_VERSION, AnnotationsFileSchema, DEFAULT_ANNOTATIONS_FILE, type AnnotationsFile } from '../shared/annotations';
import { DEFAULT_SAVED_PAGES_FILE, SAVED_PAGES_SCHEMA_VERSION, SavedPagesFileSchema, type SavedPagesFile } from '../shared/saved-pages';
import { DEFAULT_NOTICES_FILE, NOTICES_SCHEMA_VERSION, NoticesFileSchema, type NoticesFile } from '../shared/notices';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_VERSION, SettingsSchema, type Settings } from '../shared/settings';
import {
  BOOKMARKS_SCHEMA_VERSION,
  BookmarksFileSchema,
  DEFAULT_BOOKMARKS_FILE,
  DEFAULT_PROGRESS_FILE,
  migrateBookmarksV1toV2,
  PROGRESS_SCHEMA_VERSION,
  ProgressFileSchema,
  type BookmarksFile,
  type ProgressFile,
} from '../shared/study';
import type { StoreSpec } from './store';

export const settingsSpec: StoreSpec<Settings> = {
  name: 'settings',
  version: SETTINGS_SCHEMA_VERSION,
  schema: SettingsSchema,
  defaults: DEFAULT_SETTINGS,
  migrations: [],
};

export const bookmarksSpec: StoreSpec<BookmarksFile> = {
  name: 'bookmarks',
  version: BOOKMARKS_SCHEMA_VERSION,
  schema: BookmarksFileSchema,
  defaults: DEFAULT_BOOKMARKS_FILE,
  migrations: [{ from: 1, migrate: migrateBookmarksV1toV2 }],
};

export const progressSpec: StoreSpec<ProgressFile> = {
  name: 'progress',
  version: PROGRESS_SCHEMA_VERSION,
  schema: ProgressFileSchema,
  defaults: DEFAULT_PROGRESS_FILE,
  migrations: [],
};

export const noticesSpec: StoreSpec<NoticesFile> = {
  name: 'notices',
  version: NOTICES_SCHEMA_VERSION,
  schema: NoticesFileSchema,
  defaults: DEFAULT_NOTICES_FILE,
  migrations: [],
};

/** New in release 0.2: the index of pages saved for offline reading (their content is in pages/). */
export const savedPagesSpec: StoreSpec<SavedPagesFile> = {
  name: 'saved-pages',
  version: SAVED_PAGES_SCHEMA_VERSION,
  schema: SavedPagesFileSchema,
  defaults: DEFAULT_SAVED_PAGES_FILE,
  migrations: [],
};

/** New in release 0.2. */
export const annotationsSpec: StoreSpec<AnnotationsFile> = {
  name: 'annotations',
  version: ANNOTATIONS_SCHEMA_VERSION,
  schema: AnnotationsFileSchema,
  defaults: DEFAULT_ANNOTATIONS_FILE,
  migrations: [],
};
