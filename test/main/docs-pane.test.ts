/**
 * The docs pane's policy and controller: what the pane may load, what happens to popups,
 * permissions and downloads, and the state the renderer is told — driven through a recording
 * stand-in for Electron's WebContentsView.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DocsPane, type PaneView } from '../../src/main/docs-pane';
import type { DocsPaneState } from '../../src/shared/api';
import { DOCS_PANE_PARTITION, decidePaneNavigation, decidePanePopup, docsPaneWebPreferences, mayGrantPanePermission } from '../../src/shared/security/docs-pane-policy';

describe('the docs pane policy', () => {
  it.each([
    ['https://kubernetes.io/docs/', 'allow'],
    ['http://127.0.0.1:8080/local-docs', 'allow'],
    ['https://例子.测试/文档', 'allow'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['data:text/html,<script>alert(1)</script>', 'deny'],
    ['atlas://app/index.html', 'deny'],
    ['https://user:secret@example.com/', 'deny'],
    ['not a url', 'deny'],
  ])('%s → %s', (url, decision) => {
    expect(decidePaneNavigation(url)).toBe(decision);
  });

  it('opens popups in the pane, refuses others, grants no permission, and has no preload', () => {
    expect(decidePanePopup('https://istio.io/')).toEqual({ action: 'open-in-pane', url: 'https://istio.io/' });
    expect(decidePanePopup('javascript:void(0)')).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write']) expect(mayGrantPanePermission(permission)).toBe(false);
    const prefs = docsPaneWebPreferences();
    expect(prefs).toMatchObject({ partition: DOCS_PANE_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect('preload' in prefs).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  readonly id = 42;
  url = '';
  title = '';
  loading = false;
  history: string[] = [];
  index = -1;
  failNext: Error | null = null;
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly session = Object.assign(new EventEmitter(), {
    requestHandler: null as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
    checkHandler: null as ((contents: unknown, permission: string) => boolean) | null,
    setPermissionRequestHandler(handler: never) {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: never) {
      this.checkHandler = handler;
    },
  });
  readonly navigationHistory = {
    canGoBack: () => this.index > 0,
    canGoForward: () => this.index < this.history.length - 1,
    goBack: () => this.go(this.index - 1),
    goForward: () => this.go(this.index + 1),
  };
  private go(index: number): void {
    this.index = index;
    this.url = this.history[index]!;
    this.emit('did-navigate');
  }
  async loadURL(url: string): Promise<void> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    this.history = [...this.history.slice(0, this.index + 1), url];
    this.index = this.history.length - 1;
    this.url = url;
    this.title = `Title of ${url}`;
  }
  getURL = () => this.url;
  getTitle = () => this.title;
  isLoading = () => this.loading;
  stop = () => void (this.loading = false);
  reload = () => void (this.loading = true);
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  closed = false;
  close(): void {
    this.closed = true;
  }
}

function setup() {
  const contents = new FakeContents();
  const view = { webContents: contents, bounds: null as unknown, setBounds(b: unknown) { this.bounds = b; } };
  const attached: unknown[] = [];
  const states: DocsPaneState[] = [];
  const pane = new DocsPane(
    { create: () => view as unknown as PaneView, attach: (v) => attached.push(v), detach: (v) => attached.splice(attached.indexOf(v), 1) },
    (state) => states.push(state),
  );
  return { pane, contents, view, attached, states };
}

describe('the docs pane controller', () => {
  it('opens a page in a pane attached to the window, and tells its state', async () => {
    const { pane, view, attached, states, contents } = setup();
    pane.setBounds({ x: 600, y: 0, width: 500, height: 800 });
    const state = await pane.open('https://envoyproxy.io/docs');
    expect(attached).toEqual([view]);
    expect(view.bounds).toEqual({ x: 600, y: 0, width: 500, height: 800 });
    expect(state).toMatchObject({ open: true, url: 'https://envoyproxy.io/docs', title: 'Title of https://envoyproxy.io/docs', canGoBack: false, error: null });
    expect(states.at(-1)).toEqual(state);
    expect(pane.contentsIds.has(contents.id)).toBe(true);
  });

  it('goes back and forward, reloads and stops, and closes', async () => {
    const { pane, contents, attached } = setup();
    await pane.open('https://a.example/');
    await pane.open('https://b.example/');
    expect(pane.current.canGoBack).toBe(true);
    expect(pane.command('back')).toMatchObject({ url: 'https://a.example/', canGoForward: true });
    expect(pane.command('forward')).toMatchObject({ url: 'https://b.example/' });
    expect(pane.command('reload').loading).toBe(true);
    expect(pane.command('stop').loading).toBe(false);
    expect(pane.command('close')).toMatchObject({ open: false, url: null });
    expect(attached).toEqual([]);
    expect(contents.closed).toBe(true);
  });

  it('refuses what is not a web page, blocks such navigations inside the page, and keeps popups in the pane', async () => {
    const { pane, contents } = setup();
    await expect(pane.open('file:///etc/passwd')).rejects.toThrow(/Only web pages/);
    await pane.open('https://docs.example/');
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'javascript:alert(1)');
    expect(prevented).toBe(true);
    expect(pane.current.error).toMatchObject({ kind: 'blocked' });
    prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://docs.example/next');
    expect(prevented).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://other.example/' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pane.current.url).toBe('https://other.example/');
  });

  it('denies every permission and refuses downloads with a message', async () => {
    const { pane, contents } = setup();
    await pane.open('https://docs.example/');
    const answers: boolean[] = [];
    contents.session.requestHandler!({}, 'geolocation', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(contents.session.checkHandler!({}, 'notifications')).toBe(false);
    let cancelled = false;
    contents.session.emit('will-download', { preventDefault: () => (cancelled = true) }, { getFilename: () => 'setup.exe' });
    expect(cancelled).toBe(true);
    expect(pane.current.error).toEqual({ kind: 'download', detail: 'setup.exe' });
  });

  it('reports a failed load (offline) instead of failing silently', async () => {
    const { pane, contents } = setup();
    contents.failNext = new Error('ERR_INTERNET_DISCONNECTED (-106) loading https://docs.example/');
    const state = await pane.open('https://docs.example/');
    expect(state).toMatchObject({ open: true, loading: false, error: { kind: 'load-failed', url: 'https://docs.example/' } });
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://docs.example/', true);
    expect(pane.current.error?.detail).toContain('ERR_INTERNET_DISCONNECTED');
  });
});
