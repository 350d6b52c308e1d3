/**
 * Opens a web page outside the app's own view. In Electron the main process intercepts the new
 * window, refuses it and hands safe http(s) URLs to the system browser; in browser mode it is a
 * new tab. Only safe http(s) URLs are ever opened (the rule in shared/rules/urls.ts).
 */
import { isSafeHttpUrl } from '../../shared/rules/urls';

export function openExternalLink(url: string): boolean {
  if (!isSafeHttpUrl(url)) return false;
  window.open(url, '_blank', 'noopener,noreferrer');
  return true;
}
