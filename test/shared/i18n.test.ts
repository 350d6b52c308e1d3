import { describe, expect, it } from 'vitest';
import { dictionaries, effectiveLanguage, htmlLang, languageFromLocales, translate } from '../../src/shared/i18n';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('dictionaries', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(dictionaries.zh).sort()).toEqual(Object.keys(dictionaries.en).sort());
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[]) {
      expect(dictionaries.en[key].trim(), key).not.toBe('');
      expect(dictionaries.zh[key].trim(), key).not.toBe('');
      expect(placeholders(dictionaries.zh[key]), key).toEqual(placeholders(dictionaries.en[key]));
    }
  });

  it('are really translated: Chinese text contains Chinese', () => {
    const untranslated = Object.entries(dictionaries.zh).filter(
      ([key, text]) => !/[\u4e00-\u9fff]/.test(text) && // Language names are written in their own language on purpose.
        !['settings.language.en', 'reader.noteLanguage.en', 'app.altName'].includes(key),
    );
    expect(untranslated).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'app.loadFailed', { message: 'boom' })).toBe('The app could not reach its services: boom');
    expect(translate('zh', 'app.loadFailed')).toContain('{message}');
  });
});

describe('first-run language', () => {
  it.each([
    [['zh-CN', 'en'], 'zh'],
    [['zh'], 'zh'],
    [['zh-Hant-TW'], 'zh'],
    [['zh_CN'], 'zh'],
    [['en-US', 'zh-CN'], 'en'],
    [['de-DE'], 'en'],
    [['zha'], 'en'],
    [[], 'en'],
  ] as const)('locales %j → %s', (locales, language) => {
    expect(languageFromLocales(locales)).toBe(language);
  });

  it('lets a chosen language win over the system', () => {
    expect(effectiveLanguage('en', ['zh-CN'])).toBe('en');
    expect(effectiveLanguage(null, ['zh-CN'])).toBe('zh');
    expect(htmlLang('zh')).toBe('zh-CN');
  });
});
