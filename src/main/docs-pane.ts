/**
 * The embedded docs pane of the desktop app: one web view beside the note, with back, forward,
 * reload/stop and close, its state sent to the renderer as `docs.state` events. Written over a small
 * interface (`PaneHost`, `PaneView`) that Electron's WebContentsView satisfies, so the recording fake
 * of electron in the tests drives it too. Its decisions come from shared/security/docs-pane-policy.ts.
 */
import type { DocsPaneState, DocsPaneBounds } from '../shared/api';
import { decidePaneNavigation, decidePanePopup, mayGrantPanePermission } from '../shared/security/docs-pane-policy';

/** The part of Electron's WebContents the pane uses. */
export interface PaneWebContents {
  readonly id: number;
  loadURL(url: string): Promise<void>;
  getURL(): string;
  getTitle(): string;
  isLoading(): boolean;
  stop(): void;
  reload(): void;
  navigationHistory: { canGoBack(): boolean; canGoForward(): boolean; goBack(): void; goForward(): void };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: string, listener: (...args: never[]) => void): void;
  session: {
    setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
    setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
    on(event: 'will-download', listener: (event: { preventDefault(): void }, item: { getFilename(): string }) => void): void;
  };
  close?(): void;
}

export interface PaneView {
  webContents: PaneWebContents;
  setBounds(bounds: DocsPaneBounds): void;
}

/** Creates the view and adds it to / removes it from the main window. */
export interface PaneHost {
  create(): PaneView;
  attach(view: PaneView): void;
  detach(view: PaneView): void;
}

const CLOSED: DocsPaneState = { open: false, url: null, title: null, loading: false, canGoBack: false, canGoForward: false, error: null };

export class DocsPane {
  private view: PaneView | null = null;
  private state: DocsPaneState = CLOSED;
  private bounds: DocsPaneBounds = { x: 0, y: 0, width: 0, height: 0 };
  /** The ids of the pane's web contents: the main window's navigation guard leaves them alone. */
  readonly contentsIds = new Set<number>();

  constructor(
    private readonly host: PaneHost,
    private readonly emit: (state: DocsPaneState) => void,
  ) {}

  get current(): DocsPaneState {
    return this.state;
  }

  private update(patch: Partial<DocsPaneState>): void {
    this.state = { ...this.state, ...patch };
    this.emit(this.state);
  }

  private refresh(): void {
    const contents = this.view?.webContents;
    if (!contents) return;
    this.update({
      url: contents.getURL() || this.state.url,
      title: contents.getTitle() || null,
      loading: contents.isLoading(),
      canGoBack: contents.navigationHistory.canGoBack(),
      canGoForward: contents.navigationHistory.canGoForward(),
    });
  }

  private createView(): PaneView {
    const view = this.host.create();
    const contents = view.webContents;
    this.contentsIds.add(contents.id);
    contents.session.setPermissionRequestHandler((_contents, permission, callback) => callback(mayGrantPanePermission(permission)));
    contents.session.setPermissionCheckHandler((_contents, permission) => mayGrantPanePermission(permission));
    contents.session.on('will-download', (event, item) => {
      event.preventDefault();
      this.update({ error: { kind: 'download', detail: item.getFilename() } });
    });
    contents.setWindowOpenHandler(({ url }) => {
      const popup = decidePanePopup(url);
      if (popup.action === 'open-in-pane') void this.navigate(popup.url);
      return { action: 'deny' };
    });
    const guard = (event: { preventDefault(): void }, url: string): void => {
      if (decidePaneNavigation(url) === 'deny') {
        event.preventDefault();
        this.update({ error: { kind: 'blocked', detail: url.slice(0, 200) } });
      }
    };
    contents.on('will-navigate', guard as never);
    contents.on('will-redirect', guard as never);
    contents.on('will-attach-webview', ((event: { preventDefault(): void }) => event.preventDefault()) as never);
    for (const event of ['did-start-loading', 'did-stop-loading', 'did-navigate', 'did-navigate-in-page', 'page-title-updated']) {
      contents.on(event, (() => this.refresh()) as never);
    }
    contents.on('did-fail-load', ((_event: unknown, code: number, description: string, url: string, isMainFrame: boolean) => {
      // -3 is an aborted load (the user went elsewhere): not an error.
      if (!isMainFrame || code === -3) return;
      this.update({ loading: false, error: { kind: 'load-failed', detail: `${description} (${code})`, url } });
    }) as never);
    return view;
  }

  /** Opens a page in the pane (creating and showing it first). Refuses what is not a web page. */
  async open(url: string): Promise<DocsPaneState> {
    if (decidePaneNavigation(url) === 'deny') throw new Error(`Only web pages (http or https) open in the docs pane, not ${url.slice(0, 100)}.`);
    if (!this.view) {
      this.view = this.createView();
      this.host.attach(this.view);
      this.view.setBounds(this.bounds);
    }
    this.update({ ...CLOSED, open: true, url, loading: true });
    await this.navigate(url);
    return this.state;
  }

  private async navigate(url: string): Promise<void> {
    this.update({ url, error: null, loading: true });
    try {
      await this.view?.webContents.loadURL(url);
    } catch (error) {
      this.update({ loading: false, error: { kind: 'load-failed', detail: (error as Error).message, url } });
      return;
    }
    this.refresh();
  }

  command(command: 'back' | 'forward' | 'reload' | 'stop' | 'close'): DocsPaneState {
    const contents = this.view?.webContents;
    if (command === 'close') {
      if (this.view) {
        this.host.detach(this.view);
        this.contentsIds.delete(this.view.webContents.id);
        this.view.webContents.close?.();
      }
      this.view = null;
      this.update(CLOSED);
      return this.state;
    }
    if (!contents) return this.state;
    if (command === 'back' && contents.navigationHistory.canGoBack()) contents.navigationHistory.goBack();
    else if (command === 'forward' && contents.navigationHistory.canGoForward()) contents.navigationHistory.goForward();
    else if (command === 'reload') contents.reload();
    else if (command === 'stop') contents.stop();
    this.refresh();
    return this.state;
  }

  /** Where the renderer keeps room for the pane (CSS pixels of the window's content). */
  setBounds(bounds: DocsPaneBounds): void {
    this.bounds = bounds;
    this.view?.setBounds(bounds);
  }
}
