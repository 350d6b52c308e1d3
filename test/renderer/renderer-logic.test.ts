import { describe, expect, it, vi } from 'vitest';
import { hashOfView, viewFromHash, VIEW_IDS } from '../../src/renderer/app/views';
import { resolveTheme } from '../../src/renderer/lib/theme';
import { createWebApi, takeLaunchToken } from '../../src/renderer/lib/transport';

describe('views and the address hash', () => {
  it('round-trips every view', () => {
    for (const view of VIEW_IDS) expect(viewFromHash(hashOfView(view))).toBe(view);
  });
  it('falls back to the library', () => {
    expect(viewFromHash('')).toBe('library');
    expect(viewFromHash('#/nowhere')).toBe('library');
    expect(viewFromHash('#/settings/extra')).toBe('settings');
  });
});

describe('theme', () => {
  it('follows the system only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

function fakeBrowser(href: string) {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  const replaced: string[] = [];
  const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) } as unknown as History;
  return { location: { href } as Location, storage, history, replaced };
}

describe('launch token', () => {
  it('is taken from the address once, kept for reloads and removed from the address bar', () => {
    const first = fakeBrowser('http://127.0.0.1:4000/?token=abc#/settings');
    expect(takeLaunchToken(first.location, first.storage, first.history)).toBe('abc');
    expect(first.replaced).toEqual(['/#/settings']);
    const reload = { ...first, location: { href: 'http://127.0.0.1:4000/#/settings' } as Location };
    expect(takeLaunchToken(reload.location, reload.storage, reload.history)).toBe('abc');
  });

  it('is null when never given', () => {
    const browser = fakeBrowser('http://127.0.0.1:4000/');
    expect(takeLaunchToken(browser.location, browser.storage, browser.history)).toBeNull();
  });
});

describe('web transport', () => {
  it('posts the input with the token and returns the server result', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { theme: 'dark' } })));
    const api = createWebApi('tok', fetchImpl as unknown as typeof fetch);
    expect(await api.settings.update({ theme: 'dark' })).toEqual({ ok: true, value: { theme: 'dark' } });
    expect(fetchImpl).toHaveBeenCalledWith('/api/settings.update', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok' },
      body: '{"input":{"theme":"dark"}}',
    });
  });

  it('turns a dead server or a missing token into an error value', async () => {
    const down = createWebApi('tok', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    expect(await down.settings.get()).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    expect(await createWebApi(null).settings.get()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});
