/**
 * Opens a web page outside the app's own view. In Electron the main process intercepts the new
 * window, refuses it and hands safe http(s) URLs to the system browser; in browser mode it is a
 * new tab. Only http(s) URLs are ever opened.
 */
export function openExternalLink(url: string): void {
  if (!/^https?:\/\//i.test(url)) return;
  window.open(url, '_blank', 'noopener,noreferrer');
}
