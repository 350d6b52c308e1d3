/**
 * Electron main process: owns the window, the storage and the protocol that serves the renderer.
 * Every security decision here is asked of a pure policy in src/shared/security; the start-up
 * decisions (which renderer URL, which data folder) are pure functions in main-options.ts.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, WebContentsView } from 'electron';
import { createAppServices } from '../services/app-services';
import { DataFolderLockedError, lockDataFolder, waitingMessage, type DataFolderLock } from '../services/data-lock';
import { APP_DIR_NAME, defaultUserDataDir } from '../shared/paths';
import { docsPaneWebPreferences } from '../shared/security/docs-pane-policy';
import { APP_ORIGIN, secureWebPreferences } from '../shared/security/policies';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { DocsPane, type PaneView } from './docs-pane';
import { denyPermissionsByDefault, guardAllWebContents } from './hardening';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { devServerUrl } from './main-options';
import { createElectronShell } from './shell';
import { electronStoreBackend } from './store-backend';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDevUrl = devServerUrl(process.env, app.isPackaged);
const appOrigins: readonly string[] = rendererDevUrl ? [APP_ORIGIN, new URL(rendererDevUrl).origin] : [APP_ORIGIN];

app.setName(APP_DIR_NAME);
app.setPath('userData', process.env['ATLAS_DATA_DIR'] || defaultUserDataDir({ platform: process.platform, home: homedir(), env: process.env }));
app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let dataLock: DataFolderLock | null = null;
let docsPane: DocsPane | null = null;
guardAllWebContents(appOrigins, (contents) => docsPane?.contentsIds.has(contents.id) ?? false);

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1240,
    height: 820,
    minWidth: 420,
    minHeight: 480,
    show: false,
    title: APP_DIR_NAME,
    icon: join(here, '../../resources/icon.png'),
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(rendererDevUrl ?? `${APP_ORIGIN}/index.html`);
  mainWindow = window;
  return window;
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  try {
    dataLock = await lockDataFolder(dataDir, 'electron', {
      onLost: (error) => console.error(`[atlas] lost the lock on ${dataDir}: ${error.message}`),
      onWaiting: (owner) => console.error(waitingMessage(dataDir, owner)),
    });
  } catch (error) {
    const message = error instanceof DataFolderLockedError ? error.message : `Cloud Native Atlas cannot use ${dataDir}: ${(error as Error).message}`;
    console.error(message);
    dialog.showErrorBox(APP_DIR_NAME, message);
    app.exit(1);
    return;
  }
  serveRenderer(join(here, '../renderer'));
  denyPermissionsByDefault(appOrigins);
  const services = createAppServices({ dataDir, mode: 'electron', version: app.getVersion(), backend: electronStoreBackend });
  // The docs pane: a WebContentsView in the main window, with no preload and its own session.
  docsPane = new DocsPane(
    {
      create: () => new WebContentsView({ webPreferences: docsPaneWebPreferences() }) as unknown as PaneView,
      attach: (view) => mainWindow?.contentView.addChildView(view as unknown as WebContentsView),
      detach: (view) => mainWindow?.contentView.removeChildView(view as unknown as WebContentsView),
    },
    (state) => services.events.emit('docs.state', state),
  );
  registerIpcHandlers({ ...services.handlers, ...createElectronShell(() => mainWindow, docsPane) }, appOrigins);
  forwardEvents(services.events, () => (mainWindow ? [mainWindow] : []));
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

// A second desktop instance hands over to the first (which shows its window) and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void app.whenReady().then(start).catch((error: unknown) => {
    console.error('[atlas] start-up failed:', error);
    dialog.showErrorBox(APP_DIR_NAME, `Cloud Native Atlas could not start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void dataLock?.release();
});
