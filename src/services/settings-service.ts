/** Reads and changes the user's settings record. */
import { SettingsSchema, type Settings, type SettingsPatch } from '../shared/settings';
import type { StoreFile } from './store';

export class SettingsService {
  constructor(
    private readonly file: StoreFile<Settings>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(): Settings {
    return SettingsSchema.parse(this.file.store);
  }

  update(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch, updatedAt: this.now().toISOString() });
    this.file.store = next;
    return next;
  }
}
