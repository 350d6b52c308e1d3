/**
 * Session- and process-wide guards: permissions denied by default, no <webview>, no new windows,
 * no navigation away from the app, and only safe http(s) URLs handed to the operating system.
 */
import { app, session, shell, type WebContents } from 'electron';
import {
  decideWindowOpen,
  isSafeExternalUrl,
  mayGrantPermission,
  mayNavigateMainWindow,
} from '../shared/security/policies';

export function openExternalSafely(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

export function denyPermissionsByDefault(appOrigins: readonly string[]): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(mayGrantPermission(permission, details.requestingUrl ?? contents.getURL(), appOrigins));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    mayGrantPermission(permission, requestingOrigin, appOrigins),
  );
}

/**
 * Applies the navigation and window-opening policy to every web contents the app creates — except
 * the docs pane's (`isPane`), which shows the web under its own policy (docs-pane.ts).
 */
export function guardAllWebContents(appOrigins: readonly string[], isPane: (contents: WebContents) => boolean = () => false): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    if (isPane(contents)) return;
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.thenOpenExternally) openExternalSafely(decision.url);
      return { action: 'deny' };
    });
    const blockForeignNavigation = (event: Electron.Event, url: string): void => {
      if (!isPane(contents) && !mayNavigateMainWindow(url, appOrigins)) event.preventDefault();
    };
    contents.on('will-navigate', blockForeignNavigation);
    contents.on('will-redirect', blockForeignNavigation);
  });
}
