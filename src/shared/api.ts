/**
 * The contract between the renderer and the services: for each method, a runtime schema for its
 * input and the type of its output. Both transports (Electron IPC and the browser-mode HTTP server)
 * validate with these schemas and answer with `Result`.
 */
import { z } from 'zod';
import type { ApiMethod } from './api-methods';
import type { Result } from './result';
import { SettingsPatchSchema, type Settings } from './settings';
import {
  BookmarkAddSchema,
  BookmarkIdSchema,
  BookmarkListInputSchema,
  BookmarkSchema,
  BookmarkUpdateSchema,
  ProgressMarkSchema,
  ProgressResetSchema,
  ProgressSaveSchema,
  type Bookmark,
  type BookmarkPage,
  type BookmarkSummary,
  type Progress,
  type ProgressOverview,
} from './study';

const NoInput = z.undefined({ error: 'this method takes no input' });

export const contract = {
  'app.info': { input: NoInput },
  'settings.get': { input: NoInput },
  'settings.update': { input: SettingsPatchSchema },
  'bookmarks.list': { input: BookmarkListInputSchema },
  'bookmarks.summary': { input: NoInput },
  'bookmarks.add': { input: BookmarkAddSchema },
  'bookmarks.update': { input: BookmarkUpdateSchema },
  'bookmarks.remove': { input: BookmarkIdSchema },
  'bookmarks.restore': { input: BookmarkSchema },
  'progress.overview': { input: NoInput },
  'progress.save': { input: ProgressSaveSchema },
  'progress.mark': { input: ProgressMarkSchema },
  'progress.reset': { input: ProgressResetSchema },
} as const satisfies Record<ApiMethod, { input: z.ZodType }>;

export type AppMode = 'electron' | 'web';

/** A store file that could not be read and was moved aside instead of being reset. */
export interface StoreNotice {
  store: string;
  movedTo: string;
  reason: string;
  at: string;
}

export interface AppInfo {
  name: string;
  version: string;
  mode: AppMode;
  dataDir: string;
  notices: StoreNotice[];
}

export interface ApiOutputs {
  'app.info': AppInfo;
  'settings.get': Settings;
  'settings.update': Settings;
  'bookmarks.list': BookmarkPage;
  'bookmarks.summary': BookmarkSummary;
  'bookmarks.add': Bookmark;
  'bookmarks.update': Bookmark;
  'bookmarks.remove': Bookmark;
  'bookmarks.restore': Bookmark;
  'progress.overview': ProgressOverview;
  'progress.save': Progress;
  'progress.mark': Progress;
  'progress.reset': ProgressOverview;
}

export type ApiInput<M extends ApiMethod> = z.input<(typeof contract)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];

type NamespaceOf<M> = M extends `${infer N}.${string}` ? N : never;
type NameIn<M, N extends string> = M extends `${N}.${infer F}` ? F : never;
type Caller<M extends ApiMethod> = undefined extends ApiInput<M>
  ? (input?: ApiInput<M>) => Promise<Result<ApiOutput<M>>>
  : (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>>;

/** What the renderer sees as `window.atlas` (Electron) or builds over fetch (browser mode). */
export type AtlasApi = {
  [N in NamespaceOf<ApiMethod>]: { [M in ApiMethod as NameIn<M, N>]: Caller<M> };
};
