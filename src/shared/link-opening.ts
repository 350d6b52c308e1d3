/**
 * Where a link opens: the user's preference (inside the app / in the system browser), overridden
 * for one click by the link menu or a Shift+click, and what the running app can do — the desktop
 * app has its docs pane and the system browser; a browser tab can only open another tab.
 */
import type { AppMode } from './api';
import { isSafeHttpUrl } from './rules/urls';
import type { DocsOpening } from './settings';

export type LinkChoice = 'app' | 'system';
export type LinkOpening = 'pane' | 'system-browser' | 'tab' | 'refuse';

export function decideLinkOpening(url: string, preference: DocsOpening, mode: AppMode, override: LinkChoice | null = null): LinkOpening {
  if (!isSafeHttpUrl(url)) return 'refuse';
  const choice: LinkChoice = override ?? (preference === 'embedded' ? 'app' : 'system');
  if (mode === 'web') return 'tab';
  return choice === 'app' ? 'pane' : 'system-browser';
}

/** The other choice, for a Shift+click. */
export function otherChoice(preference: DocsOpening): LinkChoice {
  return preference === 'embedded' ? 'system' : 'app';
}
