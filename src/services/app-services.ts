/**
 * Wires the services for one data directory and exposes them as the contract's handlers.
 * Electron main and the browser-mode server each call this once with their own store backend.
 */
import { mkdirSync } from 'node:fs';
import type { z } from 'zod';
import type { AppMode, StoreNotice } from '../shared/api';
import { APP_DIR_NAME } from '../shared/paths';
import { DEFAULT_SETTINGS, SettingsSchema } from '../shared/settings';
import type { Handlers } from './dispatch';
import { DEFAULT_BOOKMARKS_FILE, DEFAULT_PROGRESS_FILE, BookmarksFileSchema, ProgressFileSchema } from '../shared/study';
import { BookmarksService } from './bookmarks-service';
import { ProgressService } from './progress-service';
import { SettingsService } from './settings-service';
import { loadStoreFile, type StoreBackendFactory } from './store';

export interface AppServicesOptions {
  dataDir: string;
  mode: AppMode;
  version: string;
  backend: StoreBackendFactory;
  now?: () => Date;
}

export interface AppServices {
  handlers: Handlers;
  notices: readonly StoreNotice[];
  settings: SettingsService;
  bookmarks: BookmarksService;
  progress: ProgressService;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  mkdirSync(options.dataDir, { recursive: true });
  const notices: StoreNotice[] = [];
  const open = <T extends Record<string, unknown>>(name: string, schema: z.ZodType<T>, defaults: T) =>
    loadStoreFile({
      name,
      dataDir: options.dataDir,
      schema,
      defaults,
      backend: options.backend,
      onNotice: (notice) => notices.push(notice),
      now: options.now,
    });
  const settings = new SettingsService(open('settings', SettingsSchema, DEFAULT_SETTINGS).file, options.now);
  const bookmarksFile = open('bookmarks', BookmarksFileSchema, DEFAULT_BOOKMARKS_FILE);
  const bookmarks = new BookmarksService(bookmarksFile.file, bookmarksFile.data, options.now);
  const progressFile = open('progress', ProgressFileSchema, DEFAULT_PROGRESS_FILE);
  const progress = new ProgressService(progressFile.file, progressFile.data, options.now);

  const handlers: Handlers = {
    'app.info': () => ({
      name: APP_DIR_NAME,
      version: options.version,
      mode: options.mode,
      dataDir: options.dataDir,
      notices: [...notices],
    }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'bookmarks.list': (input) => bookmarks.list(input),
    'bookmarks.summary': () => bookmarks.summary(),
    'bookmarks.add': (input) => bookmarks.add(input),
    'bookmarks.update': (input) => bookmarks.update(input),
    'bookmarks.remove': ({ id }) => bookmarks.remove(id),
    'bookmarks.restore': (bookmark) => bookmarks.restore(bookmark),
    'progress.overview': () => progress.overview(),
    'progress.save': (input) => progress.save(input),
    'progress.mark': ({ noteId, read }) => progress.mark(noteId, read),
    'progress.reset': ({ noteId }) => progress.reset(noteId),
  };
  return { handlers, notices, settings, bookmarks, progress };
}
