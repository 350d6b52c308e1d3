/**
 * State that outlives any one view: the services connection, settings, app info, the current
 * view, and the derived language and theme. Components read it; only its methods change it.
 */
import type { AppInfo, AtlasApi, DocsPaneState } from '../../shared/api';
import { decideLinkOpening, type LinkChoice } from '../../shared/link-opening';
import type { StoreNotice } from '../../shared/notices';
import { effectiveLanguage, translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { SearchResult } from '../../shared/search/engine';
import { SavedPages } from '../features/saved-pages/saved-pages.svelte';
import { SearchService } from '../features/search/search-service.svelte';
import { resultTarget } from '../features/search/search-groups';
import { ContentState } from '../lib/content.svelte';
import { StudyState } from '../lib/study.svelte';
import { noticeSentence } from '../lib/notices';
import { openExternalLink } from '../lib/open-link';
import { resolveTheme } from '../lib/theme';
import { parseRoute, type Route, type ViewId } from './views';

export type SaveStatus = { state: 'idle' } | { state: 'saved' } | { state: 'failed'; message: string };

export class AppState {
  settings = $state<Settings | null>(null);
  info = $state<AppInfo | null>(null);
  loadError = $state<string | null>(null);
  saveStatus = $state<SaveStatus>({ state: 'idle' });
  route = $state<Route>({ view: 'library' });
  view = $derived<ViewId | 'note' | 'saved-page'>(this.route.view);
  paletteOpen = $state(false);
  readonly content = new ContentState();
  readonly search: SearchService;
  systemLocales = $state<readonly string[]>([]);
  systemPrefersDark = $state(false);
  notices = $state<readonly StoreNotice[]>([]);
  /** The desktop app's docs pane, as its last state event said. */
  docs = $state<DocsPaneState | null>(null);

  language = $derived(effectiveLanguage(this.settings?.language ?? null, this.systemLocales));
  theme = $derived(resolveTheme(this.settings?.theme ?? 'system', this.systemPrefersDark));
  systemLanguage = $derived(effectiveLanguage(null, this.systemLocales));
  /** The notices as sentences in the UI language, for the banner. */
  noticeSentences = $derived(this.notices.map((notice) => ({ id: notice.id, sentence: noticeSentence(this.language, notice) })));

  readonly study: StudyState;
  readonly savedPages: SavedPages;

  constructor(readonly api: AtlasApi) {
    this.study = new StudyState(api);
    this.search = new SearchService(() => this.language, api);
    this.savedPages = new SavedPages(api, (message, action) => this.study.notify(message, action));
  }

  t = (key: MessageKey, params?: MessageParams): string => translate(this.language, key, params);

  async load(): Promise<void> {
    this.loadError = null;
    const [settings, info] = await Promise.all([this.api.settings.get(), this.api.app.info()]);
    if (!settings.ok) {
      this.loadError = settings.error.message;
      return;
    }
    if (!info.ok) {
      this.loadError = info.error.message;
      return;
    }
    this.settings = settings.value;
    this.info = info.value;
    this.notices = info.value.notices;
  }

  /** Keeps the notices in step with the back end (another window may dismiss one). Returns the unsubscribe. */
  followEvents(): () => void {
    const stopNotices = this.api.on('notices.changed', (notices) => (this.notices = notices));
    const stopTasks = this.savedPages.follow();
    const stopDocs = this.api.on('docs.state', (state) => (this.docs = state));
    return () => {
      stopNotices();
      stopTasks();
      stopDocs();
    };
  }

  async updateSettings(patch: SettingsPatch): Promise<void> {
    const result = await this.api.settings.update(patch);
    if (result.ok) {
      this.settings = result.value;
      this.saveStatus = { state: 'saved' };
    } else {
      this.saveStatus = { state: 'failed', message: result.error.message };
    }
  }

  followHash(hash: string): void {
    this.route = parseRoute(hash);
  }

  /** Opens a search result: a note at its section, or a link's page. */
  openResult(result: SearchResult): void {
    const target = resultTarget(result);
    this.paletteOpen = false;
    if ('url' in target) this.openLink(target.url);
    else if (location.hash === target.route) this.followHash(target.route);
    else location.hash = target.route;
  }

  /**
   * Opens a web page where the user wants it (shared/link-opening.ts): the docs pane or the system
   * browser in the desktop app, a new tab in browser mode; `override` is a one-click choice (the
   * link menu, Shift+click). Anything but a safe http(s) address is refused with a message.
   */
  openLink(url: string, override: LinkChoice | null = null): void {
    const how = decideLinkOpening(url, this.settings?.docsOpening ?? 'embedded', this.info?.mode ?? 'web', override);
    if (how === 'refuse') return this.study.notify(this.t('links.refused'));
    if (how === 'tab') return void openExternalLink(url);
    const opened = how === 'pane' ? this.api.docs.open({ url }) : this.api.shell.openExternal({ url });
    void opened.then((result) => {
      if (!result.ok) this.study.notify(result.error.message);
      else if (result.value.how === 'pane') this.docs = result.value.state;
      else if (result.value.how === 'page-tab') openExternalLink(url);
    });
  }

  /** A click inside a note or saved page: its external links open per preference, never in the app's own view. */
  openClickedLink(event: MouseEvent): void {
    const anchor = (event.target as Element).closest('a[data-external]');
    if (!anchor) return;
    event.preventDefault();
    this.openLink(anchor.getAttribute('href') ?? '');
  }

  /** Dismisses a notice for good (it is stored until dismissed). */
  async dismissNotice(id: string): Promise<void> {
    const result = await this.api.notices.dismiss({ id });
    if (result.ok) this.notices = result.value;
    else this.study.notify(result.error.message);
  }
}
