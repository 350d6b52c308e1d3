import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, buildAtlasApi, channelOf, contract, EVENT_NAMES, eventChannelOf, isApiMethod } from '../../src/shared/api';
import { ok } from '../../src/shared/result';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema } from '../../src/shared/settings';
import { describeIssues } from '../../src/shared/validation';

describe('API contract', () => {
  it('names every method once, with a host, an input schema and an output schema', () => {
    expect(API_METHODS).toEqual(Object.keys(contract));
    for (const method of API_METHODS) {
      expect(method).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
      expect(['services', 'shell']).toContain(contract[method].host);
      expect(typeof contract[method].input.safeParse).toBe('function');
      expect(typeof contract[method].output.safeParse).toBe('function');
    }
    expect(contract['shell.openExternal'].host).toBe('shell');
  });

  it('gives every event its own channel, apart from the methods', () => {
    const channels = [...API_METHODS.map(channelOf), ...EVENT_NAMES.map(eventChannelOf)];
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('gives every method its own channel', () => {
    const channels = API_METHODS.map(channelOf);
    expect(new Set(channels).size).toBe(API_METHODS.length);
    expect(channelOf('settings.update')).toBe('atlas:settings.update');
  });

  it('knows its method names and nothing else', () => {
    expect(isApiMethod('settings.get')).toBe(true);
    expect(isApiMethod('settings.delete')).toBe(false);
    expect(isApiMethod('__proto__')).toBe(false);
  });

  it('accepts a valid settings patch', () => {
    expect(contract['settings.update'].input.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(contract['settings.update'].input.parse({ language: null })).toEqual({ language: null });
  });

  it('rejects a bad value and names the field', () => {
    const result = SettingsPatchSchema.safeParse({ theme: 'purple' });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toMatch(/^theme: /);
  });

  it('rejects unknown fields, wrong types and empty patches', () => {
    const unknown = SettingsPatchSchema.safeParse({ fontSize: 20 });
    expect(unknown.success).toBe(false);
    expect(describeIssues(unknown.error!)).toContain('fontSize');
    const wrongType = SettingsPatchSchema.safeParse({ language: 7 });
    expect(describeIssues(wrongType.error!)).toMatch(/^language: /);
    expect(SettingsPatchSchema.safeParse({}).success).toBe(false);
    expect(SettingsPatchSchema.safeParse('dark').success).toBe(false);
  });

  it('rejects input for methods that take none', () => {
    expect(contract['settings.get'].input.safeParse(undefined).success).toBe(true);
    expect(contract['settings.get'].input.safeParse({ theme: 'dark' }).success).toBe(false);
  });

  it('has defaults that satisfy the stored-record schema', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('builds named functions that call the transport with their method', async () => {
    const call = vi.fn(async () => ok('answer'));
    const unsubscribe = vi.fn();
    const subscribe = vi.fn(() => unsubscribe);
    const api = buildAtlasApi(call, subscribe);
    await api.settings.update({ theme: 'light' });
    await api.app.info();
    expect(call.mock.calls).toEqual([
      ['settings.update', { theme: 'light' }],
      ['app.info', undefined],
    ]);
    expect(Object.keys(api).sort()).toEqual(['annotations', 'app', 'bookmarks', 'docs', 'notices', 'on', 'progress', 'savedPages', 'search', 'settings', 'shell', 'userData']);
    const listener = vi.fn();
    expect(api.on('notices.changed', listener)).toBe(unsubscribe);
    expect(subscribe).toHaveBeenCalledWith('notices.changed', listener);
    expect(() => api.on('no.such' as 'notices.changed', listener)).toThrow(/Unknown event/);
  });
});
