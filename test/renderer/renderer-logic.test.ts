import { describe, expect, it, vi } from 'vitest';
import { hashOfView, parseRoute, VIEW_IDS } from '../../src/renderer/app/views';
import { groupResults, resultTarget } from '../../src/renderer/features/search/search-groups';
import { highlightPieces } from '../../src/renderer/ui/highlight-pieces';
import type { SearchResult } from '../../src/shared/search/engine';
import { resolveTheme } from '../../src/renderer/lib/theme';
import { createWebApi, takeLaunchToken } from '../../src/renderer/lib/transport';

describe('routes and the address hash', () => {
  it('round-trips every view', () => {
    for (const view of VIEW_IDS) expect(parseRoute(hashOfView(view))).toEqual({ view });
  });
  it('reads a note and a section', () => {
    expect(parseRoute('#/note/envoy')).toEqual({ view: 'note', noteId: 'envoy', sectionId: null, annotationId: null });
    expect(parseRoute('#/note/service-mesh/when-to-use')).toEqual({ view: 'note', noteId: 'service-mesh', sectionId: 'when-to-use', annotationId: null });
    expect(parseRoute('#/note/Bad Id')).toEqual({ view: 'library' });
  });
  it('reads the annotation to open at, and ignores a malformed one', () => {
    expect(parseRoute('#/note/envoy/xds?annotation=0b6f-42')).toEqual({ view: 'note', noteId: 'envoy', sectionId: 'xds', annotationId: '0b6f-42' });
    expect(parseRoute('#/note/envoy?annotation=%3Cscript%3E')).toEqual({ view: 'note', noteId: 'envoy', sectionId: null, annotationId: null });
  });
  it('falls back to the library', () => {
    expect(parseRoute('')).toEqual({ view: 'library' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'library' });
    expect(parseRoute('#/settings/extra')).toEqual({ view: 'settings' });
  });
});

const result = (kind: SearchResult['kind'], ref: string, extra: Partial<SearchResult> = {}): SearchResult => ({
  ref, kind, noteId: 'envoy', sectionId: null, url: null, category: 'service-mesh', title: ref, score: 1, snippet: '', highlights: [], pinned: false, ...extra,
});

describe('search results in the UI', () => {
  it('are grouped by kind, the group of the best result first, order kept inside groups', () => {
    const groups = groupResults([result('section', 's1'), result('note', 'n1'), result('section', 's2'), result('link', 'l1')]);
    expect(groups.map((g) => [g.kind, g.results.map((r) => r.ref)])).toEqual([
      ['section', ['s1', 's2']],
      ['note', ['n1']],
      ['link', ['l1']],
    ]);
  });

  it('lead to the right place', () => {
    expect(resultTarget(result('section', 's', { sectionId: 'architecture' }))).toEqual({ route: '#/note/envoy/architecture' });
    expect(resultTarget(result('note', 'n'))).toEqual({ route: '#/note/envoy' });
    expect(resultTarget(result('glossary', 'g'))).toEqual({ route: '#/note/envoy/glossary' });
    expect(resultTarget(result('link', 'l', { url: 'https://www.envoyproxy.io/' }))).toEqual({ url: 'https://www.envoyproxy.io/' });
  });

  it('highlight without HTML: pieces of text, some marked', () => {
    expect(highlightPieces('Envoy 是 L7 代理', [[0, 5], [11, 13]])).toEqual([
      { text: 'Envoy', mark: true },
      { text: ' 是 L7 ', mark: false },
      { text: '代理', mark: true },
    ]);
    expect(highlightPieces('<b>x</b>', [[3, 4]])).toEqual([
      { text: '<b>', mark: false },
      { text: 'x', mark: true },
      { text: '</b>', mark: false },
    ]);
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
      keepalive: true,
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
