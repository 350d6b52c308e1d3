/**
 * Wires the services for one data folder and exposes them as the contract's `services` handlers.
 * Electron main and the browser-mode server each call this once, after taking the folder's lock
 * (see data-lock.ts), with their own store backend; each adds its own `shell` handlers.
 */
import { mkdirSync } from 'node:fs';
import type { AppMode } from '../shared/api';
import type { StoreNotice } from '../shared/notices';
import { APP_DIR_NAME } from '../shared/paths';
import { AnnotationsService } from './annotations-service';
import { BookmarksService } from './bookmarks-service';
import {
  annotationDocumentRef,
  annotationSearchDocument,
  bookmarkDocumentRef,
  bookmarkSearchDocument,
  savedPageDocumentRef,
  savedPageSearchDocument,
} from './user-documents';
import type { ServiceHandlers } from './dispatch';
import { ServiceEvents } from './events';
import { NoticesService } from './notices-service';
import { ProgressService } from './progress-service';
import { SavedPagesService } from './saved-pages-service';
import { SettingsService } from './settings-service';
import { UserDataService } from './user-data-service';
import { openStore, removeStaleTempFiles, type StoreBackendFactory, type StoreSpec } from './store';
import { annotationsSpec, bookmarksSpec, noticesSpec, progressSpec, savedPagesSpec, settingsSpec } from './store-specs';
import type { PageFetchOptions } from './page-fetch';

export interface AppServicesOptions {
  dataDir: string;
  mode: AppMode;
  version: string;
  backend: StoreBackendFactory;
  now?: () => Date;
  /** For tests: how pages are fetched (timeouts, size limit). */
  pageFetch?: Pick<PageFetchOptions, 'fetchImpl' | 'timeoutMs' | 'maxBytes'>;
}

export interface AppServices {
  handlers: ServiceHandlers;
  events: ServiceEvents;
  notices: NoticesService;
  settings: SettingsService;
  bookmarks: BookmarksService;
  progress: ProgressService;
  annotations: AnnotationsService;
  userData: UserDataService;
  savedPages: SavedPagesService;
}

/** Opens every store of the data folder. The caller must hold the folder's lock. */
export function createAppServices(options: AppServicesOptions): AppServices {
  mkdirSync(options.dataDir, { recursive: true });
  removeStaleTempFiles(options.dataDir);
  const found: StoreNotice[] = [];
  const open = <T extends Record<string, unknown>>(spec: StoreSpec<T>) =>
    openStore({ spec, dataDir: options.dataDir, backend: options.backend, onNotice: (notice) => found.push(notice), now: options.now });

  const events = new ServiceEvents();
  const noticesStore = open(noticesSpec);
  const notices = new NoticesService(noticesStore.file, noticesStore.data);
  const settings = new SettingsService(open(settingsSpec), options.now);
  const bookmarksStore = open(bookmarksSpec);
  const bookmarks = new BookmarksService(bookmarksStore.file, bookmarksStore.data, options.now, undefined, (change) => {
    events.emit('bookmarks.changed', change);
    events.emit(
      'search.userDocument',
      change.op === 'upsert' ? { op: 'upsert', document: bookmarkSearchDocument(change.bookmark) } : { op: 'remove', ref: bookmarkDocumentRef(change.id) },
    );
  });
  const annotationsStore = open(annotationsSpec);
  const annotations = new AnnotationsService(annotationsStore.file, annotationsStore.data, options.now, (change) =>
    events.emit(
      'search.userDocument',
      change.op === 'upsert' ? { op: 'upsert', document: annotationSearchDocument(change.annotation) } : { op: 'remove', ref: annotationDocumentRef(change.id) },
    ),
  );
  const savedPagesStore = open(savedPagesSpec);
  const savedPages = new SavedPagesService(
    savedPagesStore.file,
    savedPagesStore.data,
    options.dataDir,
    (progress) => events.emit('task.progress', progress),
    (change) =>
      events.emit(
        'search.userDocument',
        change.op === 'upsert' ? { op: 'upsert', document: savedPageSearchDocument(change.page, change.text) } : { op: 'remove', ref: savedPageDocumentRef(change.id) },
      ),
    options.now,
    options.pageFetch,
  );
  const progressStore = open(progressSpec);
  const progress = new ProgressService(progressStore.file, progressStore.data, options.now);
  for (const notice of found) console.error(`[atlas] ${notice.file}: ${notice.kind} (${notice.reason}): ${notice.detail}`);
  notices.add(found);
  notices.onChange((list) => events.emit('notices.changed', list));

  const userData = new UserDataService({ settings, bookmarks, progress, annotations }, options.version, options.now);

  const handlers: ServiceHandlers = {
    'app.info': () => ({
      name: APP_DIR_NAME,
      version: options.version,
      mode: options.mode,
      dataDir: options.dataDir,
      notices: notices.list(),
    }),
    'notices.list': () => notices.list(),
    'notices.dismiss': ({ id }) => notices.dismiss(id),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'bookmarks.list': (input) => bookmarks.list(input),
    'bookmarks.summary': () => bookmarks.summary(),
    'bookmarks.add': (input) => bookmarks.add(input),
    'bookmarks.update': (input) => bookmarks.update(input),
    'bookmarks.remove': ({ id }) => bookmarks.remove(id),
    'bookmarks.restore': ({ id }) => bookmarks.restore(id),
    'progress.overview': () => progress.overview(),
    'progress.save': (input) => progress.save(input),
    'progress.mark': ({ noteId, read }) => progress.mark(noteId, read),
    'progress.reset': ({ noteId }) => progress.reset(noteId),
    'annotations.list': (input) => annotations.list(input),
    'annotations.add': (input) => annotations.add(input),
    'annotations.update': (input) => annotations.update(input),
    'annotations.remove': ({ id }) => annotations.remove(id),
    'annotations.restore': ({ id }) => annotations.restore(id),
    'savedPages.save': ({ url, taskId }) => savedPages.save(url, taskId),
    'savedPages.refetch': ({ id, taskId }) => savedPages.refetch(id, taskId),
    'savedPages.cancel': ({ taskId }) => ({ cancelled: savedPages.cancel(taskId) }),
    'savedPages.list': (input) => savedPages.list(input?.text),
    'savedPages.get': ({ id }) => savedPages.get(id),
    'savedPages.remove': ({ id }) => savedPages.remove(id),
    'savedPages.restore': ({ id }) => savedPages.restore(id),
    'userData.export': () => userData.export(),
    'userData.previewImport': ({ content }) => userData.preview(content),
    'userData.import': ({ content }) => userData.import(content),
    'search.userDocuments': () => [
      ...bookmarks.all().map(bookmarkSearchDocument),
      ...annotations.all().map(annotationSearchDocument),
      ...savedPages.list().map((page) => savedPageSearchDocument(page, savedPages.textOf(page.id))),
    ],
  };
  return { handlers, events, notices, settings, bookmarks, progress, annotations, userData, savedPages };
}
