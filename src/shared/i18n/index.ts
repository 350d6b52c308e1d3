/** UI text lookup for both languages, and the first-run choice of language from the locale. */
import type { Language } from '../settings';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey };
export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, zh };

export type MessageParams = Record<string, string | number>;

/** Looks up `key` and fills `{name}` placeholders; an unknown placeholder is left visible. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** zh, zh-CN, zh-Hans-SG, zh-TW… → Chinese; anything else → English. The first listed locale wins. */
export function languageFromLocales(locales: readonly string[]): Language {
  const first = locales.find((locale) => locale.trim() !== '');
  return first && /^zh(\b|[-_])/i.test(first) ? 'zh' : 'en';
}

/** The language the UI shows: the user's choice, or the system's when they have not chosen. */
export function effectiveLanguage(chosen: Language | null, systemLocales: readonly string[]): Language {
  return chosen ?? languageFromLocales(systemLocales);
}

/** The value for the <html lang> attribute. */
export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}
