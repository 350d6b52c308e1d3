/** The electron-store backend for the services' StoreFile seam (same API as conf). */
import ElectronStore from 'electron-store';
import type { StoreBackendFactory, StoreFile } from '../services/store';

export const electronStoreBackend: StoreBackendFactory = <T extends Record<string, unknown>>(options: {
  name: string;
  cwd: string;
  defaults: T;
}): StoreFile<T> =>
  new ElectronStore<T>({
    name: options.name,
    cwd: options.cwd,
    defaults: options.defaults,
    clearInvalidConfig: false,
  });
