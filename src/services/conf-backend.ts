/** The `conf` store backend, used by browser mode and tests (Electron uses electron-store, same API). */
import Conf from 'conf';
import type { StoreBackendFactory, StoreFile } from './store';

export const confBackend: StoreBackendFactory = <T extends Record<string, unknown>>(options: {
  name: string;
  cwd: string;
  defaults: T;
}): StoreFile<T> =>
  new Conf<T>({
    configName: options.name,
    cwd: options.cwd,
    defaults: options.defaults,
    clearInvalidConfig: false,
  });
