/**
 * The Electron main process, exercised without the Electron binary: the *built* bundle
 * (out/main/index.js, as `npm start` runs it) is imported with `electron` replaced by the recording
 * fake in test/support/fake-electron.ts and electron-store by conf, then driven as Electron would:
 * app ready, IPC from the app's frame and from foreign frames, navigation, window.open, permission
 * requests, a damaged store file, a data folder held by another process.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockDataFolder } from '../../src/services/data-lock';
import { buildRenderer, newestMtime } from '../../src/web/renderer-build';
import {
  fake,
  SharedFakeBrowserWindow as FakeBrowserWindow,
  SharedFakeWebContentsView as FakeWebContentsView,
  type FakeBrowserWindow as FakeWindow,
} from '../support/fake-electron';
import { useTempDirs } from '../support/temp-dir';

vi.mock('electron', async () => (await import('../support/fake-electron')).electronModule);
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ConfAsElectronStore extends Conf {
    constructor(options: { name: string; cwd: string; defaults: Record<string, unknown>; clearInvalidConfig: boolean }) {
      super({ configName: options.name, cwd: options.cwd, defaults: options.defaults, clearInvalidConfig: options.clearInvalidConfig });
    }
  }
  return { default: ConfAsElectronStore };
});

const projectRoot = resolve(import.meta.dirname, '..', '..');
const mainBundle = join(projectRoot, 'out', 'main', 'index.js');
const tempDir = useTempDirs();

beforeAll(() => {
  // `npm test` builds first; alone, this test builds when the bundle is missing or older than src/.
  const sources = ['src', 'electron.vite.config.ts'].map((path) => join(projectRoot, path));
  if (!existsSync(mainBundle) || newestMtime(sources) > newestMtime([join(projectRoot, 'out', 'main')])) buildRenderer(projectRoot);
}, 180_000);

let dataDir: string;
beforeEach(() => {
  fake.reset();
  vi.resetModules();
  dataDir = tempDir();
  vi.stubEnv('ATLAS_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
  vi.stubEnv('NODE_ENV_ELECTRON_VITE', 'production');
});
afterEach(() => {
  vi.unstubAllEnvs();
  fake.app.emit('will-quit');
});

/** Imports the built main process and lets it start. */
async function startMain(): Promise<FakeWindow> {
  await import(/* @vite-ignore */ `${mainBundle}?t=${Date.now()}`);
  fake.app.fireReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.all.length + fake.errorBoxes.length).toBeGreaterThan(0), { timeout: 5000 });
  return FakeBrowserWindow.all[0]!;
}

const appFrame = { senderFrame: { url: 'atlas://app/index.html', parent: null } };
async function ipc(channel: string, input?: unknown, event: unknown = appFrame): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  return (await handler(event, input)) as { ok: boolean };
}

describe('the built Electron main process', () => {
  it('prepares the app before it is ready: data folder, sandbox, privileged atlas:// scheme', async () => {
    await startMain();
    expect(fake.app.paths.get('userData')).toBe(dataDir);
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'atlas', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('opens one window with the secure webPreferences, a preload that exists, and the app (never a remote URL)', async () => {
    const window = await startMain();
    expect(FakeBrowserWindow.all).toHaveLength(1);
    const prefs = window.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(prefs['preload']).toBe(join(projectRoot, 'out', 'preload', 'index.cjs'));
    expect(existsSync(prefs['preload'] as string)).toBe(true);
    // ELECTRON_RENDERER_URL is set to a foreign page in this test's environment: it must be ignored.
    expect(window.loadedUrl).toBe('atlas://app/index.html');
  });

  it('serves index.html over atlas:// with the CSP, and refuses traversal and other hosts', async () => {
    await startMain();
    const serve = fake.protocolHandlers.get('atlas')!;
    const page = await serve(new Request('atlas://app/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const url of ['atlas://app/%2e%2e/%2e%2e/package.json', 'atlas://app/..%2f..%2fpackage.json', 'atlas://other/index.html', 'atlas://app/no-such-file.js']) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
  });

  it('answers IPC from the app frame, and refuses foreign pages and sub-frames', async () => {
    await startMain();
    expect(await ipc('atlas:settings.get')).toMatchObject({ ok: true, value: { schemaVersion: 1 } });
    expect(await ipc('atlas:settings.get', undefined, { senderFrame: { url: 'https://evil.example/', parent: null } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ipc('atlas:settings.get', undefined, { senderFrame: { url: 'atlas://app/index.html', parent: {} } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ipc('atlas:settings.get', undefined, { senderFrame: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ipc('atlas:settings.update', { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('forwards service events to the window', async () => {
    const window = await startMain();
    await ipc('atlas:bookmarks.add', { target: { kind: 'note', noteId: 'envoy' }, title: 'Envoy' });
    expect(window.webContents.sent).toEqual([
      { channel: 'atlas-event:bookmarks.changed', payload: expect.objectContaining({ op: 'upsert' }) },
      { channel: 'atlas-event:search.userDocument', payload: expect.objectContaining({ op: 'upsert', document: expect.objectContaining({ title: 'Envoy' }) }) },
    ]);
  });

  it('keeps the window on the app: foreign navigation is prevented, new windows denied, safe links handed to the system browser', async () => {
    const window = await startMain();
    const contents = window.webContents;
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'atlas://app/index.html#/settings')).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://kubernetes.io/docs/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://user:pw@example.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.openedExternally).toEqual(['https://kubernetes.io/docs/']));
    expect(await ipc('atlas:shell.openExternal', { url: 'https://envoyproxy.io/' })).toMatchObject({ ok: true, value: { how: 'system-browser' } });
    expect(await ipc('atlas:shell.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await vi.waitFor(() => expect(fake.openedExternally).toEqual(['https://kubernetes.io/docs/', 'https://envoyproxy.io/']));
  });

  it('opens documentation in a sandboxed pane without preload, which may browse the web while the window may not', async () => {
    const window = await startMain();
    expect(await ipc('atlas:docs.setBounds', { x: 640, y: 48, width: 600, height: 760 })).toMatchObject({ ok: true });
    const opened = await ipc('atlas:docs.open', { url: 'https://kubernetes.io/docs/' });
    expect(opened).toMatchObject({ ok: true, value: { how: 'pane', state: { open: true, url: 'https://kubernetes.io/docs/' } } });
    const [view] = FakeWebContentsView.all;
    expect(window.children).toEqual([view]);
    expect(view!.bounds).toEqual({ x: 640, y: 48, width: 600, height: 760 });
    const prefs = view!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'persist:atlas-docs' });
    expect(prefs['preload']).toBeUndefined();
    // The pane follows links on the web; the main window still may not.
    expect(view!.webContents.navigate('will-navigate', 'https://kubernetes.io/docs/concepts/')).toBe(false);
    expect(view!.webContents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(window.webContents.navigate('will-navigate', 'https://kubernetes.io/')).toBe(true);
    // The pane cannot reach the app's API.
    expect(await ipc('atlas:settings.get', undefined, { senderFrame: { url: 'https://kubernetes.io/docs/', parent: null } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(window.webContents.sent.some((message) => message.channel === 'atlas-event:docs.state')).toBe(true);
    expect(await ipc('atlas:docs.command', { command: 'close' })).toMatchObject({ ok: true, value: { open: false } });
    expect(window.children).toEqual([]);
    expect(await ipc('atlas:docs.open', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('denies permission requests by default', async () => {
    await startMain();
    const answers: boolean[] = [];
    for (const permission of ['geolocation', 'media', 'notifications', 'clipboard-read']) {
      fake.permissionRequestHandler!({ getURL: () => 'atlas://app/index.html' }, permission, (granted: boolean) => answers.push(granted), { requestingUrl: 'atlas://app/index.html' });
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(fake.permissionCheckHandler!({}, 'geolocation', 'atlas://app')).toBe(false);
    expect(fake.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('starts with notices, not a crash, when store files are damaged or a folder stands where one should be', async () => {
    writeFileSync(join(dataDir, 'bookmarks.json'), '{"schemaVersion":1,');
    mkdirSync(join(dataDir, 'progress.json'));
    writeFileSync(join(dataDir, 'settings.json'), '   ');
    await startMain();
    expect(fake.errorBoxes).toEqual([]);
    expect(FakeBrowserWindow.all).toHaveLength(1);
    const info = await ipc('atlas:app.info');
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
    const notices = (info.value as { notices: { store: string; kind: string; reason: string }[] }).notices;
    expect(notices.map(({ store, kind, reason }) => `${store}:${kind}:${reason}`).sort()).toEqual([
      'bookmarks:moved-aside:not-json',
      'progress:unusable:not-a-file',
      'settings:moved-aside:empty',
    ]);
    expect(await ipc('atlas:progress.save', { noteId: 'envoy', sectionId: null, quote: '', percent: 5 })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY', message: expect.stringContaining(join(dataDir, 'progress.json')) },
    });
  });

  it('says who holds the data folder and quits, instead of writing into it', async () => {
    const holder = await lockDataFolder(dataDir, 'web');
    try {
      await startMain();
      expect(FakeBrowserWindow.all).toEqual([]);
      expect(fake.errorBoxes).toEqual([{ title: 'Cloud Native Atlas', content: expect.stringMatching(/is in use by browser mode \(npm run web\).*start the desktop app again\.$/) }]);
      expect(fake.app.exitCode).toBe(1);
    } finally {
      await holder.release();
    }
  });

  it('hands over to the first instance when another desktop instance runs', async () => {
    fake.app.singleInstance = false;
    await import(/* @vite-ignore */ `${mainBundle}?t=${Date.now()}`);
    expect(fake.app.quitCalled).toBe(true);
  });
});
