/**
 * A recording fake of the `electron` module, enough of it for the built main process
 * (out/main/index.js) to run under Node: tests drive it (app ready, IPC calls, navigation, window
 * opening, permission requests) and read what the main process did. Not a simulation of Electron:
 * each piece records its calls and plays back what a test tells it to.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  url = '';

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    return this.url;
  }
  /** Emits a cancellable navigation event and says whether the main process prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

let nextContentsId = 1;

/** The web contents of a WebContentsView (the docs pane): navigation history, a session, loading. */
export class FakeViewContents extends FakeWebContents {
  readonly id = nextContentsId++;
  loaded: string[] = [];
  closed = false;
  readonly session = Object.assign(new EventEmitter(), {
    requestHandler: null as Listener | null,
    setPermissionRequestHandler(handler: Listener) {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler(_handler: Listener) {},
  });
  readonly navigationHistory = { canGoBack: () => this.loaded.length > 1, canGoForward: () => false, goBack: () => {}, goForward: () => {} };
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.url = url;
    return Promise.resolve();
  }
  getTitle(): string {
    return `Title of ${this.url}`;
  }
  isLoading(): boolean {
    return false;
  }
  stop(): void {}
  reload(): void {}
  close(): void {
    this.closed = true;
  }
}

export class FakeWebContentsView {
  static all: FakeWebContentsView[] = [];
  readonly webContents = new FakeViewContents();
  bounds: unknown = null;
  constructor(readonly options: Record<string, unknown>) {
    FakeWebContentsView.all.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  setBounds(bounds: unknown): void {
    this.bounds = bounds;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly children: FakeWebContentsView[] = [];
  readonly contentView = {
    addChildView: (view: FakeWebContentsView) => void this.children.push(view),
    removeChildView: (view: FakeWebContentsView) => void this.children.splice(this.children.indexOf(view), 1),
  };
  loadedUrl: string | null = null;
  shown = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  show(): void {
    this.shown = true;
  }
  restore(): void {}
  focus(): void {}
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();
  name = '';
  sandboxed = false;
  exitCode: number | null = null;
  quitCalled = false;
  singleInstance = true;
  private readyResolve: () => void = () => {};
  private ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  setName(name: string): void {
    this.name = name;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/fake/${name}`;
  }
  getVersion(): string {
    return '0.0.0-fake';
  }
  enableSandbox(): void {
    this.sandboxed = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  fireReady(): void {
    this.readyResolve();
    this.emit('ready');
  }
  quit(): void {
    this.quitCalled = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  resetReady(): void {
    this.ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  }
}

function fileResponse(url: string): Response {
  const body = readFileSync(fileURLToPath(url));
  const type = url.endsWith('.html') ? 'text/html' : url.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
  return new Response(body, { status: 200, headers: { 'Content-Type': type } });
}

const fakeState = {
  app: new FakeApp(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Listener>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  openedExternally: [] as string[],
  errorBoxes: [] as { title: string; content: string }[],

  reset(): void {
    this.app.removeAllListeners();
    this.app.paths.clear();
    this.app.exitCode = null;
    this.app.quitCalled = false;
    this.app.singleInstance = true;
    this.app.resetReady();
    this.privilegedSchemes = [];
    this.protocolHandlers.clear();
    this.ipcHandlers.clear();
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.openedExternally = [];
    this.errorBoxes = [];
    FakeBrowserWindow.all = [];
    FakeWebContentsView.all = [];
  },
};

/** What `import … from 'electron'` gives the main process under test. */
const moduleState = {
  app: fakeState.app,
  BrowserWindow: FakeBrowserWindow,
  WebContentsView: FakeWebContentsView,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, handler),
  },
  net: { fetch: async (url: string) => fileResponse(url) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (fake.permissionRequestHandler = handler),
      setPermissionCheckHandler: (handler: Listener) => (fake.permissionCheckHandler = handler),
    },
  },
  shell: { openExternal: async (url: string) => void fake.openedExternally.push(url) },
  ipcMain: { handle: (channel: string, handler: Listener) => fake.ipcHandlers.set(channel, handler) },
  dialog: { showErrorBox: (title: string, content: string) => void fake.errorBoxes.push({ title, content }) },
};

// One fake per test process: vi.resetModules() re-evaluates this file for the main bundle's
// `electron` import, and both sides must see the same recordings.
const shared = globalThis as {
  atlasFakeElectron?: { fake: typeof fakeState; electronModule: typeof moduleState; Window: typeof FakeBrowserWindow; View: typeof FakeWebContentsView };
};
shared.atlasFakeElectron ??= { fake: fakeState, electronModule: moduleState, Window: FakeBrowserWindow, View: FakeWebContentsView };
export const fake = shared.atlasFakeElectron.fake;
export const electronModule = shared.atlasFakeElectron.electronModule;
export const SharedFakeBrowserWindow = shared.atlasFakeElectron.Window;
export const SharedFakeWebContentsView = shared.atlasFakeElectron.View;
