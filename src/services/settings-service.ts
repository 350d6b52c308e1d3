/** Reads and changes the user's settings record. */
import { SettingsSchema, type Settings, type SettingsPatch } from '../shared/settings';
import type { OpenedStore, StoreFile } from './store';

export class SettingsService {
  private readonly file: StoreFile<Settings>;
  private current: Settings;

  constructor(opened: OpenedStore<Settings>, private readonly now: () => Date = () => new Date()) {
    this.file = opened.file;
    this.current = opened.data;
  }

  get(): Settings {
    return this.current;
  }

  /** Replaces the settings with a whole record (an import that is newer than ours). */
  replace(settings: Settings): Settings {
    const next = SettingsSchema.parse(settings);
    this.file.store = next;
    this.current = next;
    return next;
  }

  update(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.current, ...patch, updatedAt: this.now().toISOString() });
    this.file.store = next;
    this.current = next;
    return next;
  }
}
