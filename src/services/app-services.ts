/**
 * Wires the services for one data directory and exposes them as the contract's handlers.
 * Electron main and the browser-mode server each call this once with their own store backend.
 */
import { mkdirSync } from 'node:fs';
import type { AppMode, StoreNotice } from '../shared/api';
import { APP_DIR_NAME } from '../shared/paths';
import { DEFAULT_SETTINGS, SettingsSchema } from '../shared/settings';
import type { Handlers } from './dispatch';
import { SettingsService } from './settings-service';
import { openStoreFile, type StoreBackendFactory } from './store';

export interface AppServicesOptions {
  dataDir: string;
  mode: AppMode;
  version: string;
  backend: StoreBackendFactory;
  now?: () => Date;
}

export interface AppServices {
  handlers: Handlers;
  notices: readonly StoreNotice[];
  settings: SettingsService;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  mkdirSync(options.dataDir, { recursive: true });
  const notices: StoreNotice[] = [];
  const settingsFile = openStoreFile({
    name: 'settings',
    dataDir: options.dataDir,
    schema: SettingsSchema,
    defaults: DEFAULT_SETTINGS,
    backend: options.backend,
    onNotice: (notice) => notices.push(notice),
    now: options.now,
  });
  const settings = new SettingsService(settingsFile, options.now);

  const handlers: Handlers = {
    'app.info': () => ({
      name: APP_DIR_NAME,
      version: options.version,
      mode: options.mode,
      dataDir: options.dataDir,
      notices: [...notices],
    }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
  return { handlers, notices, settings };
}
