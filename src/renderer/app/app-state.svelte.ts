/**
 * State that outlives any one view: the services connection, settings, app info, the current
 * view, and the derived language and theme. Components read it; only its methods change it.
 */
import type { AppInfo, AtlasApi } from '../../shared/api';
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
    return () => {
      stopNotices();
      stopTasks();
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
    if ('url' in target) openExternalLink(target.url);
    else if (location.hash === target.route) this.followHash(target.route);
    else location.hash = target.route;
  }

  /** Opens a link of the library or a bookmarked address outside the app's window. */
  openLink(url: string): void {
    openExternalLink(url);
  }

  /** Dismisses a notice for good (it is stored until dismissed). */
  async dismissNotice(id: string): Promise<void> {
    const result = await this.api.notices.dismiss({ id });
    if (result.ok) this.notices = result.value;
    else this.study.notify(result.error.message);
  }
}
