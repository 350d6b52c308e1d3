/** User settings: the record stored on disk, the patch the UI may send, and their defaults. */
import { z } from 'zod';

export const LANGUAGES = ['zh', 'en'] as const;
export const THEMES = ['light', 'dark', 'system'] as const;
export const DOCS_OPENINGS = ['embedded', 'external'] as const;

export const LanguageSchema = z.enum(LANGUAGES);
export const ThemeSchema = z.enum(THEMES);
export const DocsOpeningSchema = z.enum(DOCS_OPENINGS);

export type Language = z.infer<typeof LanguageSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type DocsOpening = z.infer<typeof DocsOpeningSchema>;

export const SETTINGS_SCHEMA_VERSION = 1;

export const SettingsSchema = z.strictObject({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  /** null until the user picks one: the UI then follows the system locale. */
  language: LanguageSchema.nullable(),
  theme: ThemeSchema,
  docsOpening: DocsOpeningSchema,
  /** The language notes are read in; null follows the UI language. Added later, hence the default. */
  noteLanguage: LanguageSchema.nullable().default(null),
  /** ISO time of the last change, null for untouched defaults. */
  updatedAt: z.iso.datetime().nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .strictObject({
    language: LanguageSchema.nullable().optional(),
    theme: ThemeSchema.optional(),
    docsOpening: DocsOpeningSchema.optional(),
    noteLanguage: LanguageSchema.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'at least one setting must be given' });
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  language: null,
  theme: 'system',
  docsOpening: 'embedded',
  noteLanguage: null,
  updatedAt: null,
};
