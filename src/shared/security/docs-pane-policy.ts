/**
 * What the embedded docs pane may do, as pure decisions (the Electron glue in src/main/docs-pane.ts
 * only asks these). The pane shows the web: it may go to any safe http(s) page — unlike the main
 * window, which may only show the app — but never to file:, javascript:, data: or custom schemes;
 * it gets no permissions, no downloads, and no route to the app's API (no preload, its own session).
 */
import { isSafeHttpUrl } from '../rules/urls';
import { LOCKED_DOWN_WEB_PREFERENCES } from './policies';

/** The pane's own session: cookies and storage of the web, apart from the app's. */
export const DOCS_PANE_PARTITION = 'persist:atlas-docs';

export type PaneNavigation = 'allow' | 'deny';

export function decidePaneNavigation(url: string): PaneNavigation {
  return isSafeHttpUrl(url) ? 'allow' : 'deny';
}

export type PanePopup = { action: 'open-in-pane'; url: string } | { action: 'deny' };

/** A page's window.open or target=_blank link opens in the pane itself; anything else is refused. */
export function decidePanePopup(url: string): PanePopup {
  return isSafeHttpUrl(url) ? { action: 'open-in-pane', url } : { action: 'deny' };
}

/** Web pages in the pane get no permission at all (camera, notifications, geolocation, …). */
export function mayGrantPanePermission(_permission: string): boolean {
  return false;
}

/** The webPreferences of the pane: sandboxed, isolated, no Node, no preload, its own session. */
export function docsPaneWebPreferences() {
  return { partition: DOCS_PANE_PARTITION, ...LOCKED_DOWN_WEB_PREFERENCES } as const;
}
