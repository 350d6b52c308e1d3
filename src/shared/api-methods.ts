/**
 * The names of the API methods and how a flat `call(method, input)` becomes the nested, named
 * `AtlasApi` object. Kept free of zod so the sandboxed preload can bundle it at almost no cost;
 * `api.ts` checks at compile time that its schema table has exactly these names.
 */
import type { AtlasApi } from './api';
import type { Result } from './result';

export const API_METHODS = [
  'app.info',
  'settings.get',
  'settings.update',
  'bookmarks.list',
  'bookmarks.summary',
  'bookmarks.add',
  'bookmarks.update',
  'bookmarks.remove',
  'bookmarks.restore',
  'progress.overview',
  'progress.save',
  'progress.mark',
  'progress.reset',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** The IPC channel of a method: one rule, used by the main process and the preload. */
export function channelOf(method: ApiMethod): string {
  return `atlas:${method}`;
}

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

export type ApiCall = (method: ApiMethod, input: unknown) => Promise<Result<unknown>>;

/** Builds `{ app: { info }, settings: { get, update } }` from one transport function. */
export function buildAtlasApi(call: ApiCall): AtlasApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of API_METHODS) {
    const [namespace, name] = method.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][name] = (input?: unknown) => call(method, input);
  }
  return api as unknown as AtlasApi;
}
