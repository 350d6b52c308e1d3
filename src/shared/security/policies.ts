/**
 * Security decisions for the Electron shell, as pure functions so each one is unit-tested.
 * The Electron glue in src/main only asks these and acts on the answer.
 * See ../../../../shared/docs/SECURITY.md for the checklist they implement.
 */
import { isSafeHttpUrl } from '../rules/urls';

/** The origin of the production renderer, served by our custom protocol. */
export const APP_SCHEME = 'atlas';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `URL.origin` is "null" for custom schemes, so compare scheme and host ourselves. */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** True when `url` belongs to one of the app's own origins (atlas://app, or the dev server). */
export function isAppUrl(url: string, appOrigins: readonly string[]): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return appOrigins.includes(originOf(parsed));
}

/** The main window may only ever show the app itself. */
export function mayNavigateMainWindow(targetUrl: string, appOrigins: readonly string[]): boolean {
  return isAppUrl(targetUrl, appOrigins);
}

/** Which URLs may be handed to the operating system: the app-wide rule in shared/rules/urls.ts. */
export function isSafeExternalUrl(url: string): boolean {
  return isSafeHttpUrl(url);
}

export type WindowOpenDecision =
  | { action: 'deny'; thenOpenExternally: false }
  | { action: 'deny'; thenOpenExternally: true; url: string };

/**
 * New windows are always denied. A safe http(s) link the page tried to open goes to the system
 * browser instead (the embedded docs pane will take these when it exists).
 */
export function decideWindowOpen(url: string): WindowOpenDecision {
  if (isSafeExternalUrl(url)) return { action: 'deny', thenOpenExternally: true, url };
  return { action: 'deny', thenOpenExternally: false };
}

/** Permissions the app's own pages may use; everything else (camera, geolocation, …) is denied. */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function mayGrantPermission(permission: string, requestingUrl: string, appOrigins: readonly string[]): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appOrigins);
}

export interface SenderFrameFacts {
  url: string;
  isTopFrame: boolean;
}

/** IPC is answered only for our own page's top frame, never for iframes or the docs pane. */
export function isTrustedSender(frame: SenderFrameFacts | null, appOrigins: readonly string[]): boolean {
  if (!frame) return false;
  return frame.isTopFrame && isAppUrl(frame.url, appOrigins);
}

/**
 * Maps a request to the custom protocol onto a file path relative to the built renderer, or null
 * when it tries to leave that folder (.., encoded separators, backslashes, NUL) or names another host.
 */
export function appAssetPath(requestUrl: string): string | null {
  const parsed = parse(requestUrl);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  if (/%2f|%5c/i.test(parsed.pathname)) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

/** What every web contents of the app runs with: isolated, sandboxed, no Node, web security on. */
export const LOCKED_DOWN_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** The webPreferences of every app window: the locked-down set plus the app's preload. */
export function secureWebPreferences(preloadPath: string) {
  return { preload: preloadPath, ...LOCKED_DOWN_WEB_PREFERENCES } as const;
}
