/**
 * Picks how the UI reaches the services: `window.atlas` from the Electron preload, or the
 * browser-mode HTTP API with the launch token. The rest of the UI only ever sees `AtlasApi`.
 */
import { buildAtlasApi, type AtlasApi, type EventName } from '../../shared/api';
import { fail, type Result } from '../../shared/result';

declare global {
  interface Window {
    atlas?: AtlasApi;
  }
}

const TOKEN_KEY = 'atlas.token';

/** Takes the token from `?token=` once, keeps it for reloads, and removes it from the address bar. */
export function takeLaunchToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

/**
 * The browser-mode event stream: one EventSource (Server-Sent Events, reconnecting by itself),
 * opened on the first subscription, fanning each event out to its listeners.
 */
function createEventSubscriber(token: string | null, openStream: (url: string) => EventSource) {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!token) return () => {};
    source ??= openStream(`/api/events?token=${encodeURIComponent(token)}`);
    let set = listeners.get(event);
    if (!set) {
      const forEvent = new Set<(payload: unknown) => void>();
      listeners.set(event, forEvent);
      source.addEventListener(event, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const each of forEvent) each(payload);
      });
      set = forEvent;
    }
    set.add(listener);
    return () => void set.delete(listener);
  };
}

export function createWebApi(
  token: string | null,
  fetchImpl: typeof fetch = fetch,
  openStream: (url: string) => EventSource = (url) => new EventSource(url),
): AtlasApi {
  return buildAtlasApi(async (method, input): Promise<Result<unknown>> => {
    if (!token) {
      return fail('UNAUTHORIZED', 'No access token: open the address that `npm run web` printed.');
    }
    let response: Response;
    const body = JSON.stringify({ input });
    try {
      response = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
        // Lets the last reading position reach the server while the page unloads (small bodies only).
        keepalive: body.length < 60_000,
      });
    } catch {
      return fail('NETWORK', 'The local server does not answer. Is `npm run web` still running?');
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return fail('INTERNAL', `The local server answered ${response.status} without a result.`);
    }
  }, createEventSubscriber(token, openStream));
}

export function connectToServices(): AtlasApi {
  if (window.atlas) return window.atlas;
  return createWebApi(takeLaunchToken(window.location, window.sessionStorage, window.history));
}
