/**
 * Electron main process: owns the window, the storage and the protocol that serves the renderer.
 * Every security decision here is asked of a pure policy in src/shared/security.
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createAppServices } from '../services/app-services';
import { APP_DIR_NAME, defaultUserDataDir } from '../shared/paths';
import { APP_ORIGIN, secureWebPreferences } from '../shared/security/policies';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { denyPermissionsByDefault, guardAllWebContents } from './hardening';
import { registerIpcHandlers } from './ipc';
import { electronStoreBackend } from './store-backend';

const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const appOrigins: readonly string[] = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

app.setName(APP_DIR_NAME);
app.setPath(
  'userData',
  process.env['ATLAS_DATA_DIR'] ||
    defaultUserDataDir({ platform: process.platform, home: homedir(), env: process.env }),
);
app.enableSandbox();
registerAppScheme();
guardAllWebContents(appOrigins);

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
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

void app.whenReady().then(() => {
  serveRenderer(join(here, '../renderer'));
  denyPermissionsByDefault(appOrigins);
  const services = createAppServices({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    version: app.getVersion(),
    backend: electronStoreBackend,
  });
  registerIpcHandlers(services.handlers, appOrigins);
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
