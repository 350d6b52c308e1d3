/**
 * The contract between the renderer and the back end, written once. For each method: the schema of
 * its input, the schema of its output, and its host:
 *   - `services`: plain Node code, identical in Electron and browser mode (src/services);
 *   - `shell`: what only the outer process can do (open a URL in the system browser, later the docs
 *     pane and file dialogs), implemented by Electron main and by the browser-mode server each in
 *     its own way.
 * And for each event the back end sends the renderer: the schema of its payload.
 * Channel names, the preload's `window.atlas`, the HTTP routes and the handler tables are all
 * derived from these two tables. Every answer is a `Result`.
 */
import { z } from 'zod';
import {
  AnnotationAddSchema,
  AnnotationIdSchema,
  AnnotationListInputSchema,
  AnnotationPageSchema,
  AnnotationSchema,
  AnnotationUpdateSchema,
} from './annotations';
import { NoticeIdSchema, StoreNoticeSchema } from './notices';
import {
  CancelTaskSchema,
  RefetchPageInputSchema,
  RefetchResultSchema,
  SavedPageIdSchema,
  SavedPageListInputSchema,
  SavedPageSchema,
  SavedPageWithContentSchema,
  SavePageInputSchema,
} from './saved-pages';
import type { Result } from './result';
import { HttpUrlSchema } from './rules/urls';
import { UserDocumentChangeSchema, UserSearchDocumentSchema } from './search/user-documents';
import { SettingsPatchSchema, SettingsSchema } from './settings';
import { ImportInputSchema, ImportPlanSchema, MAX_IMPORT_BYTES, UserDataExportSchema } from './user-data';
import {
  BookmarkAddSchema,
  BookmarkIdSchema,
  BookmarkListInputSchema,
  BookmarkPageSchema,
  BookmarkSchema,
  BookmarkSummarySchema,
  BookmarkUpdateSchema,
  ProgressMarkSchema,
  ProgressOverviewSchema,
  ProgressResetSchema,
  ProgressSaveSchema,
  ProgressSchema,
} from './study';

const NoInput = z.undefined({ error: 'this method takes no input' });

export const APP_MODES = ['electron', 'web'] as const;
export type AppMode = (typeof APP_MODES)[number];

export const AppInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  mode: z.enum(APP_MODES),
  dataDir: z.string(),
  /** Notices not dismissed yet (see shared/notices.ts). */
  notices: z.array(StoreNoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const OpenExternalSchema = z.strictObject({ url: HttpUrlSchema });
/** Electron hands the URL to the system browser; browser mode asks the page to open a tab itself. */
export const OpenedExternallySchema = z.strictObject({ how: z.enum(['system-browser', 'page-tab']) });

/** A file the user saves: Electron asks where with a save dialog; browser mode lets the page download it. */
export const SaveFileSchema = z.strictObject({
  suggestedName: z.string().min(1).max(200).regex(/^[^\\/:*?"<>|]+$/, 'must be a file name without a folder'),
  content: z.string().max(MAX_IMPORT_BYTES),
  kind: z.enum(['json', 'markdown']),
});
export const SavedFileSchema = z.discriminatedUnion('how', [
  z.strictObject({ how: z.literal('saved'), path: z.string() }),
  z.strictObject({ how: z.literal('cancelled') }),
  z.strictObject({ how: z.literal('page-download') }),
]);
/** A file the user picks: Electron shows an open dialog and reads it; browser mode lets the page upload it. */
export const OpenFileSchema = z.strictObject({ kind: z.enum(['json']) });
export const OpenedFileSchema = z.discriminatedUnion('how', [
  z.strictObject({ how: z.literal('opened'), name: z.string(), content: z.string() }),
  z.strictObject({ how: z.literal('cancelled') }),
  z.strictObject({ how: z.literal('page-upload') }),
]);

/** The embedded docs pane (desktop app): what the renderer shows in its toolbar. */
export const DocsPaneStateSchema = z.strictObject({
  open: z.boolean(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  loading: z.boolean(),
  canGoBack: z.boolean(),
  canGoForward: z.boolean(),
  error: z
    .strictObject({ kind: z.enum(['load-failed', 'blocked', 'download']), detail: z.string(), url: z.string().optional() })
    .nullable(),
});
export type DocsPaneState = z.infer<typeof DocsPaneStateSchema>;
export const DocsPaneBoundsSchema = z.strictObject({
  x: z.number().int().min(0).max(100_000),
  y: z.number().int().min(0).max(100_000),
  width: z.number().int().min(0).max(100_000),
  height: z.number().int().min(0).max(100_000),
});
export type DocsPaneBounds = z.infer<typeof DocsPaneBoundsSchema>;
/** Electron opens the page in its pane; browser mode has none and asks the page to open a tab. */
export const DocsOpenedSchema = z.discriminatedUnion('how', [
  z.strictObject({ how: z.literal('pane'), state: DocsPaneStateSchema }),
  z.strictObject({ how: z.literal('page-tab') }),
]);

export type Host = 'services' | 'shell';

interface MethodSpec {
  host: Host;
  input: z.ZodType;
  output: z.ZodType;
}

export const contract = {
  'app.info': { host: 'services', input: NoInput, output: AppInfoSchema },
  'notices.list': { host: 'services', input: NoInput, output: z.array(StoreNoticeSchema) },
  'notices.dismiss': { host: 'services', input: NoticeIdSchema, output: z.array(StoreNoticeSchema) },
  'settings.get': { host: 'services', input: NoInput, output: SettingsSchema },
  'settings.update': { host: 'services', input: SettingsPatchSchema, output: SettingsSchema },
  'bookmarks.list': { host: 'services', input: BookmarkListInputSchema, output: BookmarkPageSchema },
  'bookmarks.summary': { host: 'services', input: NoInput, output: BookmarkSummarySchema },
  'bookmarks.add': { host: 'services', input: BookmarkAddSchema, output: BookmarkSchema },
  'bookmarks.update': { host: 'services', input: BookmarkUpdateSchema, output: BookmarkSchema },
  'bookmarks.remove': { host: 'services', input: BookmarkIdSchema, output: BookmarkSchema },
  /** Undo of a remove in this process: only the id of a bookmark this process removed. */
  'bookmarks.restore': { host: 'services', input: BookmarkIdSchema, output: BookmarkSchema },
  'progress.overview': { host: 'services', input: NoInput, output: ProgressOverviewSchema },
  'progress.save': { host: 'services', input: ProgressSaveSchema, output: ProgressSchema },
  'progress.mark': { host: 'services', input: ProgressMarkSchema, output: ProgressSchema },
  'progress.reset': { host: 'services', input: ProgressResetSchema, output: ProgressOverviewSchema },
  'annotations.list': { host: 'services', input: AnnotationListInputSchema, output: AnnotationPageSchema },
  'annotations.add': { host: 'services', input: AnnotationAddSchema, output: AnnotationSchema },
  'annotations.update': { host: 'services', input: AnnotationUpdateSchema, output: AnnotationSchema },
  'annotations.remove': { host: 'services', input: AnnotationIdSchema, output: AnnotationSchema },
  /** Undo of a remove in this process: only the id of an annotation this process removed. */
  'annotations.restore': { host: 'services', input: AnnotationIdSchema, output: AnnotationSchema },
  /** Fetches, extracts and stores a page; progress arrives as `task.progress` events for its taskId. */
  'savedPages.save': { host: 'services', input: SavePageInputSchema, output: SavedPageSchema },
  'savedPages.refetch': { host: 'services', input: RefetchPageInputSchema, output: RefetchResultSchema },
  'savedPages.cancel': { host: 'services', input: CancelTaskSchema, output: z.strictObject({ cancelled: z.boolean() }) },
  'savedPages.list': { host: 'services', input: SavedPageListInputSchema, output: z.array(SavedPageSchema) },
  'savedPages.get': { host: 'services', input: SavedPageIdSchema, output: SavedPageWithContentSchema },
  'savedPages.remove': { host: 'services', input: SavedPageIdSchema, output: SavedPageSchema },
  'savedPages.restore': { host: 'services', input: SavedPageIdSchema, output: SavedPageSchema },
  'userData.export': { host: 'services', input: NoInput, output: UserDataExportSchema },
  /** What importing this file would do; changes nothing. */
  'userData.previewImport': { host: 'services', input: ImportInputSchema, output: ImportPlanSchema },
  'userData.import': { host: 'services', input: ImportInputSchema, output: ImportPlanSchema },
  /** Everything the live search index holds, built from the stores (the worker asks once at start). */
  'search.userDocuments': { host: 'services', input: NoInput, output: z.array(UserSearchDocumentSchema) },
  'shell.openExternal': { host: 'shell', input: OpenExternalSchema, output: OpenedExternallySchema },
  'shell.saveFile': { host: 'shell', input: SaveFileSchema, output: SavedFileSchema },
  'docs.open': { host: 'shell', input: OpenExternalSchema, output: DocsOpenedSchema },
  'docs.command': { host: 'shell', input: z.strictObject({ command: z.enum(['back', 'forward', 'reload', 'stop', 'close']) }), output: DocsPaneStateSchema },
  'docs.setBounds': { host: 'shell', input: DocsPaneBoundsSchema, output: z.strictObject({ ok: z.literal(true) }) },
  'shell.openFile': { host: 'shell', input: OpenFileSchema, output: OpenedFileSchema },
} as const satisfies Record<string, MethodSpec>;

export type ApiMethod = keyof typeof contract;
export const API_METHODS = Object.keys(contract) as ApiMethod[];
export type ServiceMethod = { [M in ApiMethod]: (typeof contract)[M]['host'] extends 'services' ? M : never }[ApiMethod];
export type ShellMethod = Exclude<ApiMethod, ServiceMethod>;

/** Methods whose request bodies may be as large as an import file; every other body stays small. */
export const LARGE_BODY_METHODS: readonly ApiMethod[] = ['userData.previewImport', 'userData.import', 'shell.saveFile'];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(contract, name);
}

export type ApiInput<M extends ApiMethod> = z.input<(typeof contract)[M]['input']>;
/** The input after validation (defaults applied, tags deduplicated, …): what handlers receive. */
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof contract)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<(typeof contract)[M]['output']>;

/* Events: back end → renderer */

export const TaskProgressSchema = z.strictObject({
  taskId: z.string().min(1).max(80),
  /** What the task is, e.g. `import`, `save-page`. */
  kind: z.string().min(1).max(40),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Units done and in all (null when the total is not known yet). */
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  message: z.string().max(500).nullable(),
});
export type TaskProgress = z.infer<typeof TaskProgressSchema>;

export const BookmarkChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('upsert'), bookmark: BookmarkSchema }),
  z.strictObject({ op: z.literal('remove'), id: z.string() }),
]);
export type BookmarkChange = z.infer<typeof BookmarkChangeSchema>;

export const events = {
  /** The whole list of notices after it changed. */
  'notices.changed': z.array(StoreNoticeSchema),
  /** A long task (import, save for offline, …) moved on. */
  'task.progress': TaskProgressSchema,
  /** A bookmark was added, changed, restored or removed (by any window). */
  'bookmarks.changed': BookmarkChangeSchema,
  /** The docs pane changed (page, title, loading, history, an error). */
  'docs.state': DocsPaneStateSchema,
  /** A document of the live search index changed (any kind of user record). */
  'search.userDocument': UserDocumentChangeSchema,
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** The IPC channel of a method or an event: one rule, used by the main process and the preload. */
export function channelOf(method: ApiMethod): string {
  return `atlas:${method}`;
}
export function eventChannelOf(event: EventName): string {
  return `atlas-event:${event}`;
}

/* The renderer's view */

type NamespaceOf<M> = M extends `${infer N}.${string}` ? N : never;
type NameIn<M, N extends string> = M extends `${N}.${infer F}` ? F : never;
type Caller<M extends ApiMethod> = undefined extends ApiInput<M>
  ? (input?: ApiInput<M>) => Promise<Result<ApiOutput<M>>>
  : (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>>;

export type Subscribe = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;

/** What the renderer sees as `window.atlas` (Electron) or builds over fetch (browser mode). */
export type AtlasApi = {
  [N in NamespaceOf<ApiMethod>]: { [M in ApiMethod as NameIn<M, N>]: Caller<M> };
} & { on: Subscribe };

export type ApiCall = (method: ApiMethod, input: unknown) => Promise<Result<unknown>>;

/** Builds `{ app: { info }, settings: { get, update }, …, on }` from one call function and one subscribe function. */
export function buildAtlasApi(call: ApiCall, subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void): AtlasApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    const [namespace, name] = method.split('.') as [string, string];
    const group = (api[namespace] ??= {}) as Record<string, (input?: unknown) => Promise<Result<unknown>>>;
    group[name] = (input?: unknown) => call(method, input);
  }
  api['on'] = (event: string, listener: (payload: unknown) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event "${event}".`);
    return subscribe(event, listener);
  };
  return api as AtlasApi;
}
